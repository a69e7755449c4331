import type { RevokedRound } from '@dispatch/core';
import { useEffect, useRef, useState } from 'react';
import { useRevokeRoundMutation } from '../hooks/use-revoke-round-mutation.ts';

/**
 * 撤销第 N 轮 (each button names its round): a reason, then a confirmation; the whole round stops counting, and stays listed as revoked. 取消 or Esc
 * closes the form and gives focus back to the button that opened it.
 */
export function RevokeRound({ round, onRevoked }: { round: number; onRevoked: (revoked: RevokedRound) => void }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [refocus, setRefocus] = useState(false);
  const opener = useRef<HTMLButtonElement>(null);
  const revoke = useRevokeRoundMutation();
  useEffect(() => {
    if (refocus && !open) opener.current?.focus();
  }, [refocus, open]);
  const cancel = () => {
    setOpen(false);
    setRefocus(true);
  };
  if (!open) {
    return <button type="button" className="link-button danger" ref={opener} onClick={() => { setRefocus(false); setOpen(true); }}>撤销第 {round} 轮…</button>;
  }
  return (
    <form
      className="revoke-form"
      onKeyDown={(e) => {
        if (e.key === 'Escape') cancel();
      }}
      onSubmit={(e) => {
        e.preventDefault();
        // Not mutate's onSuccess: the refetched list marks the round revoked and unmounts this form before that
        // callback would run, and the warnings would be lost; the promise resolves all the same. Errors show below.
        revoke.mutateAsync({ round, reason: reason.trim() }).then((revoked) => { setOpen(false); onRevoked(revoked); }, () => undefined);
      }}
    >
      <label>
        撤销原因
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} required autoFocus />
      </label>
      <p className="small">撤销后本轮所有调剂自其日期起不再计入预算，记录保留并标为已撤销；本轮调入的资金如已使用，相关地区将出现超支。确定撤销第 {round} 轮？</p>
      <div className="form-buttons">
        <button type="submit" className="primary danger" disabled={revoke.isPending || reason.trim() === ''}>确认撤销</button>
        <button type="button" className="link-button" onClick={cancel}>取消</button>
      </div>
      {revoke.isError && <p className="error" role="alert">{revoke.error.message}</p>}
    </form>
  );
}
