import { useState, type FormEvent } from 'react';
import { useSignInMutation } from '../hooks/use-sign-in-mutation.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The sign-in page. On success the app, seeing someone signed in, goes on to where they were going. */
export function SignInPage() {
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const signIn = useSignInMutation();
  usePageTitle('登录');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!signIn.isPending) signIn.mutate({ login: login.trim(), password });
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
        <p className="small muted">没有账号或忘记密码，请联系省级管理员开通或重设。</p>
      </form>
    </main>
  );
}
