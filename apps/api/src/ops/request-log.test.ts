/**
 * The request log of the real server (a child process at LOG_LEVEL=info): one JSON line per request with its id,
 * account, method, route pattern, status and duration; the id comes back as X-Request-Id and finds exactly its
 * line; nothing secret — password, session cookie, CSRF token, hashes — is ever printed.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getUserByLogin, prepareDb } from '@dispatch/db';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, test, vi } from 'vitest';
import { hashToken } from '../auth/session-token.ts';
import { handleError } from '../errors.ts';
import { log } from '../log.ts';
import { createRouter } from '../router.ts';
import { requestLog } from './request-log.ts';
import { makeXlsx } from '../imports/testing.ts';
import { spawnServer, type SpawnedServer } from '../testing/spawn-server.ts';
import { ensureAccount, TEST_PASSWORD } from '../testing/test-session.ts';

const NEW_PASSWORD = 'Changed2020secret';
let dir: string;
let dbFile: string;
let server: SpawnedServer;

interface LogLine {
  level: string;
  time: string;
  msg: string;
  reqId?: string;
  account?: string | null;
  method?: string;
  route?: string;
  status?: number;
  ms?: number;
}

/** The JSON lines the server printed (its start-up words in Chinese are not JSON and are left out). */
function logLines(): LogLine[] {
  return server
    .printed()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as LogLine);
}

async function signIn(password: string): Promise<{ response: Response; cookie: string; csrfToken: string }> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'log-admin', password }),
  });
  if (response.status !== 200) return { response, cookie: '', csrfToken: '' };
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { response, cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-log-'));
  dbFile = join(dir, 'dispatch.db');
  const { db } = await prepareDb({ url: `file:${dbFile}`, demo: false });
  await ensureAccount(db, 'log-admin', 'province-admin', '430000');
  db.$client.close();
  // A web app served too, as in production: its GET /* fallback is matched (not run) by every GET, API ones included.
  const web = join(dir, 'web');
  mkdirSync(web);
  writeFileSync(join(web, 'index.html'), '<!doctype html><title>Dispatch</title>');
  server = await spawnServer({ DATABASE_URL: `file:${dbFile}`, DEMO_DATA: 'false', WEB_DIST: web, LOG_LEVEL: 'info' });
});

afterAll(async () => {
  await server?.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** Waits until the server has printed the line of the request with this id (stdout arrives after the answer). */
async function lineOf(reqId: string): Promise<LogLine[]> {
  for (let i = 0; i < 500; i++) {
    const lines = logLines().filter((line) => line.reqId === reqId);
    if (lines.some((line) => line.msg === 'request')) return lines;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no log line for ${reqId}:\n${server.printed()}`);
}

describe('the request log', () => {
  test('an answer’s X-Request-Id finds exactly its line: account, method, route pattern, status, duration', async () => {
    const { cookie } = await signIn(TEST_PASSWORD);
    const response = await fetch(`${server.url}/api/settings/alerts?note=querytext-not-logged`, { headers: { cookie } });
    expect(response.status).toBe(200);
    const reqId = response.headers.get('x-request-id')!;
    expect(reqId).toMatch(/^[0-9a-f-]{36}$/);
    const lines = await lineOf(reqId);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', account: 'log-admin', method: 'GET', route: '/api/settings/alerts', status: 200 });
    expect(lines[0]!.ms).toBeGreaterThanOrEqual(0);
    expect(Date.parse(lines[0]!.time)).not.toBeNaN();
    expect(server.printed()).not.toContain('querytext-not-logged');
  });

  test('a refused request names its route pattern and no account; an unknown path the fallback’s pattern, not its own', async () => {
    const refused = await fetch(`${server.url}/api/regions/430100/series?period=2020-05`);
    expect(refused.status).toBe(401);
    const [line] = await lineOf(refused.headers.get('x-request-id')!);
    expect(line).toMatchObject({ account: null, method: 'GET', status: 401 });
    expect(line!.route).toMatch(/^\/api\/regions\/[:{]/);
    const page = await fetch(`${server.url}/rankings?period=2020-05`);
    expect(page.status).toBe(200);
    const [pageLine] = await lineOf(page.headers.get('x-request-id')!);
    expect(pageLine).toMatchObject({ method: 'GET', route: '/*', status: 200 }); // the web app's fallback answered
    const unknown = await fetch(`${server.url}/api/no-such-thing-secretword`);
    const [fallback] = await lineOf(unknown.headers.get('x-request-id')!);
    expect(fallback).toMatchObject({ status: 401, route: '/api/*' }); // signed out: refused before it is found missing
    expect(server.printed()).not.toContain('secretword');
  });

  test('an incoming X-Request-Id is not believed without TRUST_PROXY', async () => {
    const response = await fetch(`${server.url}/api/health`, { headers: { 'x-request-id': 'from-the-client-1234' } });
    expect(response.headers.get('x-request-id')).not.toBe('from-the-client-1234');
  });

  test('signing in, changing the password, a failed sign-in and an upload print no password, cookie, token or hash', async () => {
    const first = await signIn(TEST_PASSWORD);
    const upload = new FormData();
    const file = await makeXlsx({ 培训班: [['培训班编号'], ['upload-content-marker']] });
    upload.append('file', new Blob([new Uint8Array(file)]), '培训班.xlsx');
    const uploaded = await fetch(`${server.url}/api/imports?kind=classes&dryRun=1`, {
      method: 'POST',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken, origin: server.url },
      body: upload,
    });
    expect([200, 422]).toContain(uploaded.status);
    const changed = await fetch(`${server.url}/api/auth/password`, {
      method: 'POST',
      headers: { cookie: first.cookie, 'x-csrf-token': first.csrfToken, 'content-type': 'application/json' },
      body: JSON.stringify({ currentPassword: TEST_PASSWORD, newPassword: NEW_PASSWORD }),
    });
    expect(changed.status).toBe(200);
    const failed = await signIn(TEST_PASSWORD);
    expect(failed.response.status).toBe(401);
    const second = await signIn(NEW_PASSWORD);
    expect(second.response.status).toBe(200);
    await lineOf(second.response.headers.get('x-request-id')!);

    const { db } = await prepareDb({ url: `file:${dbFile}`, demo: false });
    const { passwordHash } = (await getUserByLogin(db, 'log-admin'))!;
    db.$client.close();
    const printed = server.printed();
    const secrets = [TEST_PASSWORD, NEW_PASSWORD, passwordHash];
    for (const session of [first, second]) {
      const token = session.cookie.split('=')[1]!;
      secrets.push(token, hashToken(token), session.csrfToken);
    }
    for (const secret of secrets) expect(printed).not.toContain(secret);
    expect(printed).not.toContain('upload-content-marker');
    // The four kinds of request were logged, by their route patterns.
    const routes = logLines().filter((line) => line.msg === 'request').map((line) => `${line.method} ${line.route} ${line.status}`);
    expect(routes).toEqual(expect.arrayContaining(['POST /api/auth/login 200', 'POST /api/auth/password 200', 'POST /api/auth/login 401', `POST /api/imports ${uploaded.status}`]));
  });
});

test('an unexpected error is one error line with the request’s id and the stack, beside the request’s line', async () => {
  const app = createRouter()
    .use(requestLog(0))
    .get('/boom/:id', () => {
      throw new Error('disk on fire');
    });
  app.onError(handleError);
  const lines: string[] = [];
  const stream = (log as any)[pino.symbols.streamSym] as { write(line: string): boolean };
  const spy = vi.spyOn(stream, 'write').mockImplementation((line: string) => (lines.push(line), true));
  const level = log.level;
  log.level = 'info';
  try {
    const response = await app.request('/boom/42?token=query-secret');
    expect(response.status).toBe(500);
    const reqId = response.headers.get('x-request-id');
    const mine = lines.map((line) => JSON.parse(line)).filter((line) => line.reqId === reqId);
    expect(mine.map((line) => [line.level, line.msg])).toEqual([['error', 'unexpected error'], ['info', 'request']]);
    expect(mine[0].err.message).toBe('disk on fire');
    expect(mine[0].err.stack).toMatch(/\n {4}at /);
    expect(mine[1]).toMatchObject({ route: '/boom/:id', status: 500 });
    expect(lines.join('')).not.toContain('query-secret');
  } finally {
    log.level = level;
    spy.mockRestore();
  }
});
