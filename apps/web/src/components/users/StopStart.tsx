import type { User } from '@dispatch/core';
import { withFieldLabels } from '../../api/field-labels.ts';
import { usePatchUserMutation } from '../../hooks/use-patch-user-mutation.ts';
import { ACCOUNT_LABELS } from './labels.ts';

/** Stopping ends the account's sessions at once and keeps it from signing in; starting lets it in again. */
export function StopStart({ user }: { user: User }) {
  const change = usePatchUserMutation(user.login);
  const stopped = user.disabledAt !== null;
  const toggle = () => {
    if (!stopped && !window.confirm(`停用账号 ${user.login}（${user.displayName}）？其登录将立即失效，且不能再登录，直到重新启用。`)) return;
    change.mutate({ disabled: !stopped });
  };
  return (
    <>
      <button type="button" className="link-button" onClick={toggle} disabled={change.isPending}>{stopped ? '启用' : '停用'}</button>
      {change.isError && <span className="error" role="alert">{withFieldLabels(change.error.message, ACCOUNT_LABELS)}</span>}
    </>
  );
}
