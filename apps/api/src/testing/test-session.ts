import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Role } from '@dispatch/core';
import { createUser, getUserByLogin, prepareDb, type Db } from '@dispatch/db';
import { beforeAll } from 'vitest';
import { createApp, type App } from '../app.ts';
import { hashPassword } from '../auth/password.ts';

/** What a browser on the product's own page sends with a POST (Hono's origin check compares it with the URL). */
export const SAME_ORIGIN = { origin: 'http://localhost' } as const;
export const TEST_PASSWORD = 'Test2020pass';

export interface TestSession {
  cookie: string;
  csrfToken: string;
  /** headers for a GET */
  read: Record<string, string>;
  /** headers for a state-changing request: cookie, CSRF token, same origin, JSON */
  write: Record<string, string>;
}

/** Creates the account unless it exists (password TEST_PASSWORD). */
export async function ensureAccount(db: Db, login: string, role: Role, regionCode: string): Promise<void> {
  if (await getUserByLogin(db, login)) return;
  await createUser(
    db,
    { login, displayName: login, role, regionCode, passwordHash: await hashPassword(TEST_PASSWORD) },
    { actorId: null, actorLogin: 'cli', address: null },
  );
}

/** The app on an empty in-memory database with one account (password TEST_PASSWORD), for tests of signing in. */
export async function appWithAccount(login: string, role: Role, regionCode: string): Promise<{ db: Db; app: App }> {
  const { db } = await prepareDb({ url: ':memory:', demo: false });
  await ensureAccount(db, login, role, regionCode);
  return { db, app: createApp({ db }) };
}

/** A sign-in attempt through the real route, as the web app's form sends it. */
export async function postLogin(app: App, body: unknown): Promise<Response> {
  return app.request('/api/auth/login', { method: 'POST', headers: { ...SAME_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

/** Signs in through the real route, as the web app does, and answers the session's headers. */
export async function signIn(app: App, login: string, password = TEST_PASSWORD): Promise<TestSession> {
  const response = await app.request('/api/auth/login', {
    method: 'POST',
    headers: { ...SAME_ORIGIN, 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (response.status !== 200) throw new Error(`sign-in as ${login}: ${response.status} ${await response.text()}`);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    cookie,
    csrfToken,
    read: { cookie },
    write: { cookie, 'x-csrf-token': csrfToken, ...SAME_ORIGIN, 'content-type': 'application/json' },
  };
}

/** A province admin's session: sees everything. */
export async function adminSession(app: App, db: Db): Promise<TestSession> {
  await ensureAccount(db, 'test-admin', 'province-admin', '430000');
  return signIn(app, 'test-admin');
}

export interface DemoApi {
  db: Db;
  app: App;
  /** a province admin's session */
  session: TestSession;
  /** GET with that session */
  request(path: string): Promise<Response>;
  /** GET with that session: the status and the parsed body */
  get(path: string): Promise<{ status: number; body: any }>;
}

/**
 * For one test file: the app on an in-memory database filled with the demo data, signed in as a province admin.
 * Read the fields inside tests (they are set in beforeAll). `now` fixes the app's clock (a bulletin's date).
 */
export function useDemoApi(options: { now?: () => Date } = {}): DemoApi {
  const api = {
    async request(path: string) {
      return api.app.request(path, { headers: api.session.read });
    },
    async get(path: string) {
      const response = await api.request(path);
      return { status: response.status, body: (await response.json()) as any };
    },
  } as DemoApi;
  beforeAll(async () => {
    ({ db: api.db } = await prepareDb({ url: ':memory:' }));
    api.app = createApp({ db: api.db, ...options });
    api.session = await adminSession(api.app, api.db);
  });
  return api;
}

/** The app on a real loopback port, for tests that speak HTTP (multipart uploads, downloads, Origin headers). */
export async function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<{ base: string; close: () => Promise<void> }> {
  const server: ServerType = await new Promise((resolve) => {
    const started = serve({ fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
