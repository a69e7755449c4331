import { MIN_PASSWORD_LENGTH, ROLES, type Region, type Role } from '@dispatch/core';
import { useState, type FormEvent } from 'react';
import { withFieldLabels } from '../../api/field-labels.ts';
import { useCreateUserMutation } from '../../hooks/use-create-user-mutation.ts';
import { ACCOUNT_LABELS } from './labels.ts';
import { PostFields } from './PostFields.tsx';

const EMPTY = { login: '', displayName: '', role: 'city-leader' as Role, regionCode: '', password: '' };

export function NewUserForm({ regions }: { regions: readonly Region[] }) {
  const [form, setForm] = useState(EMPTY);
  const [created, setCreated] = useState<string | null>(null);
  const create = useCreateUserMutation((user) => {
    setCreated(`已创建账号 ${user.login}（${ROLES[user.role]}）`);
    setForm(EMPTY);
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    if (!create.isPending) create.mutate(form);
  };
  const set = (name: 'login' | 'password') => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });
  return (
    <form className="card form inline-form" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">新建账号</h2>
      <label><span>登录名</span><input required value={form.login} onChange={set('login')} pattern="[A-Za-z0-9._\-]{2,32}" title="2–32 个字母、数字、点、下划线或连字符" /></label>
      <PostFields value={form} onChange={(post) => setForm({ ...form, ...post })} regions={regions} />
      <label><span>初始密码</span><input type="password" autoComplete="new-password" required minLength={MIN_PASSWORD_LENGTH} value={form.password} onChange={set('password')} /></label>
      <button type="submit" className="primary" disabled={create.isPending}>{create.isPending ? '正在创建…' : '创建'}</button>
      {create.isError && <p className="error" role="alert">{withFieldLabels(create.error.message, ACCOUNT_LABELS)}</p>}
      {created && <p className="success" role="status">{created}</p>}
    </form>
  );
}
