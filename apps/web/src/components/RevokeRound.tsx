import { useState } from 'react';
import { useRevokeRoundMutation } from '../hooks/use-revoke-round-mutation.ts';

/** 撤销本轮: a reason, then a confirmation; the whole round stops counting, and stays listed as revoked. */
export function RevokeRound({ round }: { round: number }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const revoke = useRevokeRoundMutation();
  if (!open) {
    return <button type="button" className="link-button danger" onClick={() => setOpen(true)}>撤销本轮…</button>;
  }
  return (
    <form
      className="revoke-form"
      onSubmit={(e) => {
        e.preventDefault();
        revoke.mutate({ round, reason: reason.trim() }, { onSuccess: () => setOpen(false) });
      }}
    >
      <label>
        撤销原因
        <input value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} required autoFocus />
      </label>
      <p className="small">撤销后本轮所有调剂自其日期起不再计入预算，记录保留并标为已撤销。确定撤销第 {round} 轮？</p>
      <div className="form-buttons">
        <button type="submit" className="primary danger" disabled={revoke.isPending || reason.trim() === ''}>确认撤销</button>
        <button type="button" className="link-button" onClick={() => setOpen(false)}>取消</button>
      </div>
      {revoke.isError && <p className="error" role="alert">{revoke.error.message}</p>}
    </form>
  );
}
