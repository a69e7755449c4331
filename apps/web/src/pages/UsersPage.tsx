import { regionLevelOfCode, ROLE_IDS, ROLES, type Role } from '@dispatch/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { fetchJson, postJson } from '../api/fetch-json.ts';
import type { Region, User } from '../api/types.ts';
import { useAccess } from '../auth/signed-in.ts';
import { Status } from '../components/Status.tsx';
import { formatBeijingTime, withFieldLabels } from '../format.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';

const USERS_KEY = ['users'] as const;
const LABELS = { login: '登录名', displayName: '姓名/单位', role: '岗位', regionCode: '所属地区', password: '密码' };
/** The level a post's home region must be at (a viewer may sit anywhere). */
const HOME_LEVEL: Partial<Record<Role, Region['level']>> = {
  'province-admin': 'province', 'province-official': 'province', 'city-leader': 'city', 'county-staff': 'county',
};

/** Accounts: the list, a new account, a password reset. The province admin's alone (the server checks). */
export function UsersPage() {
  const access = useAccess();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: async () => (await fetchJson<{ users: User[] }>('/api/users')).users, enabled: access.can('manage:users') });
  const regions = useRegionsQuery().data ?? [];
  const nameOf = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const [resetting, setResetting] = useState<string | null>(null);
  if (!access.can('manage:users')) return <main className="page"><p className="notice" role="status">账号管理仅限省级管理员。</p></main>;
  return (
    <main className="page">
      <h1>账号管理</h1>
      <section className="card">
        <h2>账号 <small className="muted">{users.data ? `共 ${users.data.length} 个` : ''}</small></h2>
        <Status query={users}>
          <div className="table-wrap">
            <table className="ranking users">
              <thead>
                <tr>
                  <th scope="col">登录名</th><th scope="col">姓名/单位</th><th scope="col">岗位</th><th scope="col">所属地区</th>
                  <th scope="col">创建时间</th><th scope="col">密码修改时间</th><th scope="col">操作</th>
                </tr>
              </thead>
              <tbody>
                {users.data?.map((u) => (
                  <tr key={u.id} data-login={u.login}>
                    <th scope="row">{u.login}{u.demo && <span className="tag tag-demo">演示</span>}</th>
                    <td>{u.displayName}</td>
                    <td>{ROLES[u.role]}</td>
                    <td>{nameOf(u.regionCode)}</td>
                    <td>{formatBeijingTime(u.createdAt)}</td>
                    <td>{formatBeijingTime(u.passwordChangedAt)}</td>
                    <td>
                      {resetting === u.login ? (
                        <ResetPassword login={u.login} onDone={() => setResetting(null)} />
                      ) : (
                        <button type="button" className="link-button" onClick={() => setResetting(u.login)}>重设密码</button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </Status>
      </section>
      <NewUserForm regions={regions} />
    </main>
  );
}

function NewUserForm({ regions }: { regions: readonly Region[] }) {
  const queryClient = useQueryClient();
  const empty = { login: '', displayName: '', role: 'city-leader' as Role, regionCode: '', password: '' };
  const [form, setForm] = useState(empty);
  const [created, setCreated] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => postJson<{ user: User }>('/api/users', form),
    onSuccess: ({ user }) => {
      setCreated(`已创建账号 ${user.login}（${ROLES[user.role]}）`);
      setForm(empty);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
  const level = HOME_LEVEL[form.role];
  const choices = regions.filter((r) => !level || regionLevelOfCode(r.code) === level);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setCreated(null);
    if (!create.isPending) create.mutate();
  };
  const set = (name: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [name]: e.target.value });
  return (
    <form className="card form inline-form" onSubmit={submit} aria-labelledby="new-user-title">
      <h2 id="new-user-title">新建账号</h2>
      <label><span>登录名</span><input required value={form.login} onChange={set('login')} pattern="[A-Za-z0-9._\-]{2,32}" title="2–32 个字母、数字、点、下划线或连字符" /></label>
      <label><span>姓名/单位</span><input required maxLength={40} value={form.displayName} onChange={set('displayName')} /></label>
      <label>
        <span>岗位</span>
        <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value as Role, regionCode: '' })}>
          {ROLE_IDS.map((r) => <option key={r} value={r}>{ROLES[r]}</option>)}
        </select>
      </label>
      <label>
        <span>所属地区</span>
        <select required value={form.regionCode} onChange={set('regionCode')}>
          <option value="">请选择</option>
          {choices.map((r) => <option key={r.code} value={r.code}>{r.level === 'county' ? `　${r.name}` : r.name}</option>)}
        </select>
      </label>
      <label><span>初始密码</span><input type="password" autoComplete="new-password" required minLength={10} value={form.password} onChange={set('password')} /></label>
      <button type="submit" className="primary" disabled={create.isPending}>{create.isPending ? '正在创建…' : '创建'}</button>
      {create.isError && <p className="error" role="alert">{withFieldLabels(create.error.message, LABELS)}</p>}
      {created && <p className="success" role="status">{created}</p>}
    </form>
  );
}

function ResetPassword({ login, onDone }: { login: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const queryClient = useQueryClient();
  const reset = useMutation({
    mutationFn: () => postJson(`/api/users/${encodeURIComponent(login)}/password`, { password }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onDone();
    },
  });
  return (
    <form className="reset" onSubmit={(e) => { e.preventDefault(); reset.mutate(); }}>
      <input type="password" autoComplete="new-password" aria-label={`${login} 的新密码`} placeholder="新密码" required minLength={10} autoFocus value={password} onChange={(e) => setPassword(e.target.value)} />
      <button type="submit" disabled={reset.isPending}>确定</button>
      <button type="button" className="link-button" onClick={onDone}>取消</button>
      {reset.isError && <span className="error" role="alert">{withFieldLabels(reset.error.message, LABELS)}</span>}
    </form>
  );
}
