import { getUserByLogin, setPassword, type Db } from '@dispatch/db';
import { beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../app.ts';
import { hashPassword } from '../auth/password.ts';
import { appWithAccount, postLogin, SAME_ORIGIN, TEST_PASSWORD as PASSWORD } from '../testing/test-session.ts';

let db: Db;
let app: App;

beforeEach(async () => {
  ({ db, app } = await appWithAccount('zhuzhou', 'city-leader', '430200'));
});

const login = (body: unknown) => postLogin(app, body);

function cookieOf(response: Response): string {
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

async function auditActions() {
  return (await db.$client.execute('SELECT action, actor_login FROM audit_log ORDER BY id')).rows.map((r) => `${r.action}:${r.actor_login}`);
}

describe('signing in and out', () => {
  test('a right password opens an HttpOnly, SameSite session; /me answers the account without its hash', async () => {
    const response = await login({ login: 'zhuzhou', password: PASSWORD });
    expect(response.status).toBe(200);
    const setCookie = response.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^dispatch_session=[\w-]{43}; Max-Age=43200; Path=\/; HttpOnly; SameSite=Strict$/);
    const body = (await response.json()) as any;
    expect(body.user).toMatchObject({ login: 'zhuzhou', role: 'city-leader', regionCode: '430200' });
    const me = await app.request('/api/auth/me', { headers: { cookie: cookieOf(response) } });
    expect(me.status).toBe(200);
    const text = await me.text();
    expect(text).not.toMatch(/scrypt|passwordHash/);
    expect(JSON.parse(text).csrfToken).toBe(body.csrfToken);
    expect(await auditActions()).toEqual(['user.create:cli', 'auth.login:zhuzhou']);
  });

  test.each([
    [{ login: 'zhuzhou', password: 'wrong-password1' }],
    [{ login: 'nobody', password: PASSWORD }],
    [{ login: "' OR 1=1 --", password: "' OR '1'='1" }],
    [{ login: '<script>alert(1)</script>', password: 'x' }],
  ])('%j is a 401 with one message for every failure, and is audited', async (body) => {
    const response = await login(body);
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '登录名或密码错误，还可尝试 4 次' } });
    expect(response.headers.get('set-cookie')).toBeNull();
    expect((await auditActions()).at(-1)).toBe(`auth.login-failed:${body.login}`);
  });

  test.each([
    [{ login: '', password: 'x' }, '参数 login'],
    [{ login: 'zhuzhou' }, '参数 password'],
    [{ login: 'x'.repeat(65), password: 'x' }, '参数 login'],
  ])('%j is a 400 naming the field', async (body, field) => {
    const response = await login(body);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.message).toContain(field);
  });

  test('after five failures the account is held back, even with the right password', async () => {
    for (let i = 0; i < 5; i++) expect((await login({ login: 'zhuzhou', password: `wrong-${i}-x1` })).status).toBe(401);
    const held = await login({ login: 'zhuzhou', password: PASSWORD });
    expect(held.status).toBe(429);
    expect(((await held.json()) as any).error.message).toBe('登录失败次数过多，请 15 分钟后再试');
    expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(800);
  });

  test('signing out needs the CSRF token, then ends the session', async () => {
    const response = await login({ login: 'zhuzhou', password: PASSWORD });
    const cookie = cookieOf(response);
    const { csrfToken } = (await response.json()) as any;
    // what another site's form can send: a form body, its Origin, no token
    const crossSite = await app.request('/api/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as any).error).toEqual({
      code: 'ORIGIN',
      message: '请求来源与本站地址不符（Origin），已拒绝：请刷新本站页面后重试；脚本调用请带上登录时返回的 X-CSRF-Token 请求头',
    });
    const refused = await app.request('/api/auth/logout', { method: 'POST', headers: { ...SAME_ORIGIN, cookie } });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as any).error.code).toBe('CSRF');
    const forged = await app.request('/api/auth/logout', { method: 'POST', headers: { ...SAME_ORIGIN, cookie, 'x-csrf-token': 'forged' } });
    expect(forged.status).toBe(403);
    const ok = await app.request('/api/auth/logout', { method: 'POST', headers: { ...SAME_ORIGIN, cookie, 'x-csrf-token': csrfToken } });
    expect(ok.status).toBe(200);
    expect((await app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await auditActions()).at(-1)).toBe('auth.logout:zhuzhou');
  });

  test('a new password ends the sessions opened with the old one', async () => {
    const cookie = cookieOf(await login({ login: 'zhuzhou', password: PASSWORD }));
    const user = (await getUserByLogin(db, 'zhuzhou'))!;
    await setPassword(db, user, await hashPassword('Zhuzhou2021y'), { actorId: null, actorLogin: 'cli', address: null });
    expect((await app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  test('no cookie, or a made-up one, is not signed in', async () => {
    expect((await app.request('/api/auth/me')).status).toBe(401);
    expect((await app.request('/api/auth/me', { headers: { cookie: 'dispatch_session=made-up' } })).status).toBe(401);
  });

  test('responses carry the secure headers', async () => {
    const response = await app.request('/api/health');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    const policy = response.headers.get('content-security-policy')!;
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toMatch(/script-src[^;]*unsafe/);
  });
});
