import { MIN_PASSWORD_LENGTH, PASSWORD_RULE, ROLES } from '@dispatch/core';
import { useState, type FormEvent } from 'react';
import { withFieldLabels } from '../api/field-labels.ts';
import { useAccess } from '../auth/signed-in.ts';
import { usePasswordChangeMutation } from '../hooks/use-password-change-mutation.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** One's own account, and changing one's password (which signs one out everywhere). */
export function AccountPage() {
  const { user, home: region } = useAccess();
  usePageTitle('我的账号');
  const [form, setForm] = useState({ currentPassword: '', newPassword: '', repeat: '' });
  const [mismatch, setMismatch] = useState(false);
  const change = usePasswordChangeMutation();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setMismatch(form.newPassword !== form.repeat);
    if (form.newPassword === form.repeat && !change.isPending) change.mutate({ currentPassword: form.currentPassword, newPassword: form.newPassword });
  };
  const field = (name: keyof typeof form) => ({
    value: form[name],
    onChange: (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value }),
  });
  return (
    <main className="page narrow">
      <h1>我的账号</h1>
      <dl className="facts card">
        <dt>登录名</dt><dd>{user.login}</dd>
        <dt>姓名/单位</dt><dd>{user.displayName}</dd>
        <dt>岗位</dt><dd>{ROLES[user.role]}</dd>
        <dt>所属地区</dt><dd>{region?.name ?? user.regionCode}</dd>
        {user.demo && (<><dt>类型</dt><dd><span className="tag tag-demo">演示账号</span> 密码曾在终端显示，建议修改</dd></>)}
      </dl>
      <form className="card form" onSubmit={submit} aria-labelledby="password-title">
        <h2 id="password-title">修改密码</h2>
        <label><span>当前密码</span><input type="password" autoComplete="current-password" required {...field('currentPassword')} /></label>
        <label><span>新密码</span><input type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} {...field('newPassword')} /></label>
        <label><span>再次输入新密码</span><input type="password" autoComplete="new-password" required {...field('repeat')} /></label>
        <p className="small muted">{PASSWORD_RULE}。修改后所有设备上的登录都将失效，需用新密码重新登录。</p>
        {mismatch && <p className="error" role="alert">两次输入的新密码不一致</p>}
        {change.isError && <p className="error" role="alert">{withFieldLabels(change.error.message, { currentPassword: '当前密码', newPassword: '新密码' })}</p>}
        <button type="submit" className="primary" disabled={change.isPending}>{change.isPending ? '正在修改…' : '修改密码'}</button>
      </form>
    </main>
  );
}
