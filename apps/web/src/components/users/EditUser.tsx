import type { Region, User } from '@dispatch/core';
import { useState } from 'react';
import { withFieldLabels } from '../../api/field-labels.ts';
import { usePatchUserMutation } from '../../hooks/use-patch-user-mutation.ts';
import { ACCOUNT_LABELS } from './labels.ts';
import { PostFields } from './PostFields.tsx';

export function EditUser({ user, regions, onDone }: { user: User; regions: readonly Region[]; onDone: () => void }) {
  const [form, setForm] = useState({ displayName: user.displayName, role: user.role, regionCode: user.regionCode });
  const save = usePatchUserMutation(user.login, onDone);
  return (
    <form
      className="form inline-form"
      aria-label={`修改账号 ${user.login}`}
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(form);
      }}
    >
      <PostFields value={form} onChange={setForm} regions={regions} />
      <button type="submit" className="primary" disabled={save.isPending}>保存</button>
      <button type="button" className="link-button" onClick={onDone}>取消</button>
      <p className="small muted">岗位或所属地区变更后，该账号须重新登录。</p>
      {save.isError && <p className="error" role="alert">{withFieldLabels(save.error.message, ACCOUNT_LABELS)}</p>}
    </form>
  );
}
