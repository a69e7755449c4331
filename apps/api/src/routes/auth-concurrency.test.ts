/**
 * The sign-in limits under concurrency: every guess is counted before its password is hashed, so simultaneous
 * guesses cannot all slip in while the first ones are still being checked.
 */
import type { Db } from '@dispatch/db';
import { beforeEach, describe, expect, test } from 'vitest';
import type { App } from '../app.ts';
import { appWithAccount, postLogin, signIn, TEST_PASSWORD } from '../testing/test-session.ts';

let db: Db;
let app: App;

beforeEach(async () => {
  ({ db, app } = await appWithAccount('zhuzhou', 'city-leader', '430200'));
});

const login = (body: { login: string; password: string }) => postLogin(app, body);

async function countAudit(action: string): Promise<number> {
  return Number((await db.$client.execute({ sql: 'SELECT count(*) AS n FROM audit_log WHERE action = ?', args: [action] })).rows[0]!.n);
}

const tally = (statuses: number[]) => statuses.reduce<Record<number, number>>((t, s) => ({ ...t, [s]: (t[s] ?? 0) + 1 }), {});

describe('sign-in limits under concurrency', () => {
  test('200 simultaneous wrong passwords: only 5 are checked, the rest are held back', async () => {
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => login({ login: 'zhuzhou', password: `wrong-${i}-x1` })));
    expect(tally(answers.map((a) => a.status))).toEqual({ 401: 5, 429: 195 });
    expect(await countAudit('auth.login-failed')).toBe(5);
    // Held back, the right password does not get in either.
    expect((await login({ login: 'zhuzhou', password: TEST_PASSWORD })).status).toBe(429);
  });

  test('200 simultaneous wrong current passwords through a session: only 5 are checked', async () => {
    const session = await signIn(app, 'zhuzhou');
    const change = (i: number) =>
      app.request('/api/auth/password', {
        method: 'POST',
        headers: session.write,
        body: JSON.stringify({ currentPassword: `guess-${i}-x1`, newPassword: 'Zhuzhou2099z' }),
      });
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => change(i)));
    expect(tally(answers.map((a) => a.status))).toEqual({ 400: 5, 429: 195 });
  });

  test('a failed sign-in says how many attempts remain, the same for an unknown login', async () => {
    const messages = [];
    for (const who of ['zhuzhou', 'zhuzhou', 'nobody']) {
      const response = await login({ login: who, password: 'wrong-x1' });
      expect(response.status).toBe(401);
      messages.push(((await response.json()) as { error: { message: string } }).error.message);
    }
    expect(messages).toEqual(['登录名或密码错误，还可尝试 4 次', '登录名或密码错误，还可尝试 3 次', '登录名或密码错误，还可尝试 4 次']);
  });

  test('the fifth failure says the account is now held back', async () => {
    for (let i = 0; i < 4; i++) await login({ login: 'zhuzhou', password: `wrong-${i}-x1` });
    const fifth = await login({ login: 'zhuzhou', password: 'wrong-5-x1' });
    expect(((await fifth.json()) as { error: { message: string } }).error.message).toBe('登录名或密码错误；失败次数过多，请 15 分钟后再试');
  });

  test('a right password clears the account’s failures and does not use up an attempt', async () => {
    for (let i = 0; i < 4; i++) await login({ login: 'zhuzhou', password: `wrong-${i}-x1` });
    expect((await login({ login: 'zhuzhou', password: TEST_PASSWORD })).status).toBe(200);
    const next = await login({ login: 'zhuzhou', password: 'wrong-x1' });
    expect(((await next.json()) as { error: { message: string } }).error.message).toBe('登录名或密码错误，还可尝试 4 次');
    expect(await countAudit('auth.login')).toBe(1);
  });
});
