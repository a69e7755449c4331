/**
 * Two server processes on one database file (issue 13): what one process does, the other sees on its next request —
 * a sign-out, a new password, an account stopped, new settings — and the sign-in limit holds across both.
 * Each server keeps sessions and answers in memory; these tests make sure the other one has them in memory first.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDb, createUser, prepareDb } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from './auth/password.ts';
import { spawnServer, type RunningServer } from './testing/spawn-server.ts';

const PASSWORD = 'Several2020ab';
const ACCOUNTS = [
  ['admin', 'province-admin', '430000'],
  ['leaver', 'viewer', '430100'],
  ['changer', 'viewer', '430100'],
  ['stopped', 'viewer', '430100'],
  ['target', 'viewer', '430100'],
] as const;

let dir: string;
let url: string;
let a: RunningServer;
let b: RunningServer;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-several-'));
  url = `file:${join(dir, 'several.db')}`;
  const { db } = await prepareDb({ url, demo: {} }); // the 2020 year, for answers that depend on the settings
  const passwordHash = await hashPassword(PASSWORD);
  for (const [login, role, regionCode] of ACCOUNTS) {
    await createUser(db, { login, displayName: login, role, regionCode, passwordHash }, { actorId: null, actorLogin: 'cli', address: null });
  }
  db.$client.close();
  const env = { DATABASE_URL: url, DEMO_DATA: 'false', WEB_DIST: '' };
  [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
}, 240_000);

afterAll(async () => {
  await Promise.all([a?.stop(), b?.stop()]);
  rmSync(dir, { recursive: true, force: true });
});

interface Session {
  cookie: string;
  csrfToken: string;
}

async function signIn(server: RunningServer, login: string, password = PASSWORD): Promise<Response> {
  return fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ login, password }),
  });
}

async function session(server: RunningServer, login: string): Promise<Session> {
  const response = await signIn(server, login);
  expect(response.status).toBe(200);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await response.json()) as { csrfToken: string }).csrfToken };
}

async function call(server: RunningServer, method: string, path: string, { cookie, csrfToken }: Session, body?: unknown): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method,
    headers: { cookie, 'x-csrf-token': csrfToken, origin: server.url, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
}

const me = async (server: RunningServer, s: Session) => (await call(server, 'GET', '/api/auth/me', s)).status;

async function countFailures(login: string): Promise<number> {
  const db = createDb({ url });
  try {
    const { rows } = await db.$client.execute({ sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'auth.login-failed' AND actor_login = ?", args: [login] });
    return Number(rows[0]!.n);
  } finally {
    db.$client.close();
  }
}

describe('two server processes on one database', () => {
  test('a sign-out through one is refused by the other on its next request', { timeout: 60_000 }, async () => {
    const s = await session(a, 'leaver');
    expect(await me(b, s)).toBe(200); // b now keeps the session in memory
    expect((await call(a, 'POST', '/api/auth/logout', s)).status).toBe(200);
    expect(await me(b, s)).toBe(401);
  });

  test('a password changed through one ends the account’s sessions on the other at once', { timeout: 60_000 }, async () => {
    const [onA, onB] = [await session(a, 'changer'), await session(b, 'changer')];
    expect(await me(b, onB)).toBe(200);
    expect((await call(a, 'POST', '/api/auth/password', onA, { currentPassword: PASSWORD, newPassword: 'Changer2099zz' })).status).toBe(200);
    expect(await me(b, onB)).toBe(401);
    expect((await signIn(b, 'changer', 'Changer2099zz')).status).toBe(200);
  });

  test('an account stopped through one is refused by the other at once', { timeout: 60_000 }, async () => {
    const [admin, user] = [await session(a, 'admin'), await session(b, 'stopped')];
    expect(await me(b, user)).toBe(200);
    expect((await call(a, 'PATCH', '/api/users/stopped', admin, { disabled: true })).status).toBe(200);
    expect(await me(b, user)).toBe(401);
  });

  test('wrong passwords sent at once to both servers: exactly the limit of 5 is checked, the rest wait', { timeout: 120_000 }, async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => signIn(i % 2 ? a : b, 'target', `wrong-${i}-x1`)));
    const bodies = await Promise.all(answers.map(async (r) => ({ status: r.status, message: ((await r.json()) as { error: { message: string } }).error.message })));
    const tally = bodies.reduce<Record<number, number>>((t, { status }) => ({ ...t, [status]: (t[status] ?? 0) + 1 }), {});
    expect(tally).toEqual({ 401: 5, 429: 15 });
    for (const { message } of bodies.filter((r) => r.status === 429)) expect(message).toMatch(/^登录失败次数过多，请 1[45] 分钟后再试$/);
    expect(await countFailures('target')).toBe(5);
    // Held back on both, the right password does not get in either.
    expect([(await signIn(a, 'target')).status, (await signIn(b, 'target')).status]).toEqual([429, 429]);
  });

  test('settings changed through one are used by the other’s next answer', { timeout: 120_000 }, async () => {
    const admin = await session(a, 'admin');
    const alerts = '/api/alerts?period=2020-10&level=county';
    const before = await call(b, 'GET', alerts, admin); // b computes and keeps the answer
    expect(before.status).toBe(200);
    const settings = (await (await call(a, 'GET', '/api/settings/alerts', admin)).json()) as { persistentBottom: { counties: number } };
    const changed = { ...settings, persistentBottom: { ...settings.persistentBottom, counties: settings.persistentBottom.counties + 10 } };
    expect((await call(a, 'PUT', '/api/settings/alerts', admin, changed)).status).toBe(200);
    const [onB, onA] = [await call(b, 'GET', alerts, admin), await call(a, 'GET', alerts, admin)];
    expect(onB.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect(onB.headers.get('etag')).toBe(onA.headers.get('etag'));
    expect(await onB.json()).toEqual(await onA.json());
    expect(((await (await call(b, 'GET', '/api/settings/alerts', admin)).json()) as typeof settings).persistentBottom.counties).toBe(changed.persistentBottom.counties);
  });
});
