import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { postJson } from '../api/fetch-json.ts';
import type { SignedIn } from '../api/types.ts';
import { setSignedIn } from '../auth/use-me-query.ts';

/** The sign-in page. On success the app, seeing someone signed in, goes on to where they were going. */
export function SignInPage() {
  const queryClient = useQueryClient();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useMutation({
    mutationFn: () => postJson<SignedIn>('/api/auth/login', { login: login.trim(), password }),
    onSuccess: (me) => setSignedIn(queryClient, me),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!signIn.isPending) signIn.mutate();
  };
  return (
    <main className="sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">技能提升行动月调度平台</h1>
        <p className="muted">请使用本单位账号登录</p>
        <label>
          <span>登录名</span>
          <input name="login" autoComplete="username" autoFocus required maxLength={64} value={login} onChange={(e) => setLogin(e.target.value)} />
        </label>
        <label>
          <span>密码</span>
          <input name="password" type="password" autoComplete="current-password" required maxLength={256} value={password} onChange={(e) => setPassword(e.target.value)} />
        </label>
        {signIn.isError && <p className="error" role="alert">{signIn.error.message}</p>}
        <button type="submit" className="primary" disabled={signIn.isPending}>{signIn.isPending ? '正在登录…' : '登录'}</button>
        <p className="small muted">
          忘记密码请联系省级管理员重设。首次部署时，管理员账号由命令行创建；演示数据库的演示账号及密码在首次 npm start 时显示于终端。
        </p>
      </form>
    </main>
  );
}
