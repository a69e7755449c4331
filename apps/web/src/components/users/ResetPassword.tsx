import { MIN_PASSWORD_LENGTH } from '@dispatch/core';
import { useState } from 'react';
import { withFieldLabels } from '../../api/field-labels.ts';
import { useResetPasswordMutation } from '../../hooks/use-reset-password-mutation.ts';
import { ACCOUNT_LABELS } from './labels.ts';

export function ResetPassword({ login, onDone }: { login: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const reset = useResetPasswordMutation(login, onDone);
  return (
    <form className="reset" onSubmit={(e) => { e.preventDefault(); reset.mutate(password); }}>
      <input type="password" autoComplete="new-password" aria-label={`${login} 的新密码`} placeholder="新密码" required minLength={MIN_PASSWORD_LENGTH} autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" disabled={reset.isPending}>确定</button>
      <button type="button" className="link-button" onClick={onDone}>取消</button>
      {reset.isError && <span className="error" role="alert">{withFieldLabels(reset.error.message, ACCOUNT_LABELS)}</span>}
    </form>
  );
}
