import { homeRegionProblem, ROLE_IDS, ROLES, type Role } from '@dispatch/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { fetchJson, postJson } from '../api/fetch-json.ts';
import type { Region, User } from '../api/types.ts';
import { useAccess } from '../auth/signed-in.ts';
import { Status } from '../components/Status.tsx';
import { formatBeijingTime, withFieldLabels } from '../format.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';

const USERS_KEY = ['users'] as const;
const LABELS = { login: '登录名', displayName: '姓名/单位', role: '岗位', regionCode: '所属地区', password: '密码' };

/** Accounts: the list, a new account, a password reset. The province admin's alone (the server checks). */
export function UsersPage() {
  const access = useAccess();
  const users = useQuery({ queryKey: USERS_KEY, queryFn: async () => (await fetchJson<{ users: User[] }>('/api/users')).users, enabled: access.can('manage:users') });
  const regions = useRegionsQuery().data ?? [];
  const nameOf = (code: string) => regions.find((r) => r.code === code)?.name ?? code;
  const [resetting, setResetting] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
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
                  <Fragment key={u.id}>
                    <tr data-login={u.login} className={u.disabledAt ? 'disabled' : undefined}>
                      <th scope="row">
                        {u.login}
                        {u.demo && <span className="tag tag-demo">演示</span>}
                        {u.disabledAt && <span className="tag tag-far-behind">已停用</span>}
                      </th>
                      <td>{u.displayName}</td>
                      <td>{ROLES[u.role]}</td>
                      <td>{nameOf(u.regionCode)}</td>
                      <td>{formatBeijingTime(u.createdAt)}</td>
                      <td>{formatBeijingTime(u.passwordChangedAt)}</td>
                      <td className="actions">
                        {resetting === u.login ? (
                          <ResetPassword login={u.login} onDone={() => setResetting(null)} />
                        ) : (
                          <>
                            <button type="button" className="link-button" onClick={() => setEditing(editing === u.login ? null : u.login)}>编辑</button>
                            <button type="button" className="link-button" onClick={() => setResetting(u.login)}>重设密码</button>
                            {u.login !== access.user.login && <StopStart user={u} />}
                          </>
                        )}
                      </td>
                    </tr>
                    {editing === u.login && (
                      <tr className="edit-row">
                        <td colSpan={7}><EditUser user={u} regions={regions} onDone={() => setEditing(null)} /></td>
                      </tr>
                    )}
                  </Fragment>
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

/** The regions a post's home may be, by the rule the server checks (core's homeRegionProblem). */
function RegionSelect({ role, value, onChange, regions, label }: {
  role: Role;
  value: string;
  onChange: (code: string) => void;
  regions: readonly Region[];
  label?: string;
}) {
  return (
    <select required value={value} onChange={(e) => onChange(e.target.value)} aria-label={label}>
      <option value="">请选择</option>
      {regions.filter((r) => homeRegionProblem(role, r) === null).map((r) => (
        <option key={r.code} value={r.code}>{r.level === 'county' ? `　${r.name}` : r.name}</option>
      ))}
    </select>
  );
}

interface Post {
  displayName: string;
  role: Role;
  regionCode: string;
}

/** Name, post and home region: a new post clears the region, whose choices depend on it. */
function PostFields({ value, onChange, regions }: { value: Post; onChange: (post: Post) => void; regions: readonly Region[] }) {
  return (
    <>
      <label><span>姓名/单位</span><input required maxLength={40} value={value.displayName} onChange={(e) => onChange({ ...value, displayName: e.target.value })} /></label>
      <label>
        <span>岗位</span>
        <select value={value.role} onChange={(e) => onChange({ ...value, role: e.target.value as Role, regionCode: '' })}>
          {ROLE_IDS.map((r) => <option key={r} value={r}>{ROLES[r]}</option>)}
        </select>
      </label>
      <label>
        <span>所属地区</span>
        <RegionSelect role={value.role} value={value.regionCode} onChange={(regionCode) => onChange({ ...value, regionCode })} regions={regions} />
      </label>
    </>
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
      <PostFields value={form} onChange={(post) => setForm({ ...form, ...post })} regions={regions} />
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

function usePatchUser(login: string, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: { displayName?: string; role?: Role; regionCode?: string; disabled?: boolean }) =>
      fetchJson<{ user: User; changed: string[] }>(`/api/users/${encodeURIComponent(login)}`, { method: 'PATCH', body: JSON.stringify(changes) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onDone?.();
    },
  });
}

/** Stopping ends the account's sessions at once and keeps it from signing in; starting lets it in again. */
function StopStart({ user }: { user: User }) {
  const change = usePatchUser(user.login);
  const stopped = user.disabledAt !== null;
  const toggle = () => {
    if (!stopped && !window.confirm(`停用账号 ${user.login}（${user.displayName}）？其登录将立即失效，且不能再登录，直到重新启用。`)) return;
    change.mutate({ disabled: !stopped });
  };
  return (
    <>
      <button type="button" className="link-button" onClick={toggle} disabled={change.isPending}>{stopped ? '启用' : '停用'}</button>
      {change.isError && <span className="error" role="alert">{withFieldLabels(change.error.message, LABELS)}</span>}
    </>
  );
}

function EditUser({ user, regions, onDone }: { user: User; regions: readonly Region[]; onDone: () => void }) {
  const [form, setForm] = useState({ displayName: user.displayName, role: user.role, regionCode: user.regionCode });
  const save = usePatchUser(user.login, onDone);
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
      {save.isError && <p className="error" role="alert">{withFieldLabels(save.error.message, LABELS)}</p>}
    </form>
  );
}
