/**
 * TRUST_PROXY over real HTTP: off, forwarded headers are ignored (a forged X-Forwarded-For does not dodge the
 * sign-in limiter, X-Forwarded-Proto does not make the cookie Secure); on, the client's address is X-Forwarded-For's
 * TRUST_PROXY-th entry from the right — for the limiter and the audit log — and https behind the proxy makes the
 * session cookie Secure.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepareDb, type Db } from '@dispatch/db';
import { afterEach, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import { spawnServer } from '../testing/spawn-server.ts';
import { ensureAccount, listen, TEST_PASSWORD } from '../testing/test-session.ts';

const PER_ADDRESS_LIMIT = 30;
let close: (() => Promise<void>) | undefined;
afterEach(async () => close?.());

async function serve(trustProxy: number): Promise<{ db: Db; base: string }> {
  const { db } = await prepareDb({ url: ':memory:', demo: false });
  await ensureAccount(db, 'proxy-admin', 'province-admin', '430000');
  const server = await listen(createApp({ db, trustProxy }).fetch);
  close = server.close;
  return { db, base: server.base };
}

function signIn(base: string, login: string, password: string, headers: Record<string, string> = {}) {
  return fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ login, password }),
  });
}

/** Failed sign-ins of different accounts (so that no account's own limit applies), each from `forwarded(i)`. */
async function failSignIns(base: string, count: number, forwarded: (i: number) => string): Promise<void> {
  for (let i = 0; i < count; i++) {
    const response = await signIn(base, `nobody-${i}`, 'wrong-password', { 'x-forwarded-for': forwarded(i) });
    expect(response.status).toBe(401);
  }
}

async function failedSignInAddresses(db: Db): Promise<string[]> {
  const { rows } = await db.$client.execute("SELECT DISTINCT address FROM audit_log WHERE action = 'auth.login-failed'");
  return rows.map((row) => String(row[0]));
}

const isSecure = (response: Response) => /;\s*Secure/i.test(response.headers.get('set-cookie') ?? '');

describe('TRUST_PROXY=0 (the default): forwarded headers are not believed', () => {
  test('a different forged X-Forwarded-For on every attempt does not dodge the per-address limit', async () => {
    const { db, base } = await serve(0);
    await failSignIns(base, PER_ADDRESS_LIMIT, (i) => `198.51.100.${i + 1}`);
    const held = await signIn(base, 'nobody-else', 'wrong-password', { 'x-forwarded-for': '198.51.100.200' });
    expect(held.status).toBe(429);
    expect(await failedSignInAddresses(db)).toEqual(['127.0.0.1']);
  });

  test('X-Forwarded-Proto: https does not make the session cookie Secure', async () => {
    const { base } = await serve(0);
    const response = await signIn(base, 'proxy-admin', TEST_PASSWORD, { 'x-forwarded-proto': 'https' });
    expect(response.status).toBe(200);
    expect(isSecure(response)).toBe(false);
  });
});

describe('TRUST_PROXY=1: one nginx in front', () => {
  test('the limiter and the audit log see the address the proxy appended, not what the client wrote before it', async () => {
    const { db, base } = await serve(1);
    await failSignIns(base, PER_ADDRESS_LIMIT, (i) => `10.9.9.${i + 1}, 203.0.113.7`);
    expect((await signIn(base, 'nobody-else', 'wrong-password', { 'x-forwarded-for': '203.0.113.7' })).status).toBe(429);
    // Another client behind the same proxy is not held back by the first one's failures.
    expect((await signIn(base, 'nobody-else', 'wrong-password', { 'x-forwarded-for': '203.0.113.8' })).status).toBe(401);
    expect((await failedSignInAddresses(db)).sort()).toEqual(['203.0.113.7', '203.0.113.8']);
  });

  test('the session cookie is Secure when the client came over https, not when over http', async () => {
    const { base } = await serve(1);
    expect(isSecure(await signIn(base, 'proxy-admin', TEST_PASSWORD, { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' }))).toBe(true);
    expect(isSecure(await signIn(base, 'proxy-admin', TEST_PASSWORD, { 'x-forwarded-proto': 'http', 'x-forwarded-for': '203.0.113.7' }))).toBe(false);
  });

  test('the proxy’s X-Request-Id is kept when it looks like an id, replaced otherwise', async () => {
    const { base } = await serve(1);
    const kept = await fetch(`${base}/api/health`, { headers: { 'x-request-id': 'f3a9c2e07b1d4e55' } });
    expect(kept.headers.get('x-request-id')).toBe('f3a9c2e07b1d4e55');
    const replaced = await fetch(`${base}/api/health`, { headers: { 'x-request-id': 'not an id {}' } });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('TRUST_PROXY=2: a load balancer and nginx', () => {
  test.each([
    ['203.0.113.9, 10.0.0.1', '203.0.113.9'], // client, then the balancer as nginx saw it
    ['198.51.100.1, 203.0.113.9, 10.0.0.1', '203.0.113.9'], // a forged first entry is skipped
    ['203.0.113.9', '203.0.113.9'], // fewer entries than proxies: the furthest one
    ['not-an-address, 10.0.0.1', '10.0.0.1'], // what is not an address stops at the nearest trusted hop
  ])('X-Forwarded-For %s is the client %s', async (forwarded, client) => {
    const { db, base } = await serve(2);
    await failSignIns(base, 1, () => forwarded);
    expect(await failedSignInAddresses(db)).toEqual([client]);
  });
});

test('the real server reads TRUST_PROXY from its environment', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-proxy-'));
  const url = `file:${join(dir, 'dispatch.db')}`;
  const { db } = await prepareDb({ url, demo: false });
  await ensureAccount(db, 'proxy-admin', 'province-admin', '430000');
  db.$client.close();
  const server = await spawnServer({ DATABASE_URL: url, DEMO_DATA: 'false', WEB_DIST: '', LOG_LEVEL: 'warn', TRUST_PROXY: '1' });
  try {
    const response = await signIn(server.url, 'proxy-admin', TEST_PASSWORD, { 'x-forwarded-proto': 'https', 'x-request-id': 'f3a9c2e07b1d4e55' });
    expect(isSecure(response)).toBe(true);
    expect(response.headers.get('x-request-id')).toBe('f3a9c2e07b1d4e55');
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('the origin check of a file upload (multipart, a form’s Content-Type)', () => {
  async function adminSession(base: string, headers: Record<string, string> = {}) {
    const response = await signIn(base, 'proxy-admin', TEST_PASSWORD, headers);
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
  }
  function upload(base: string, headers: Record<string, string>) {
    const form = new FormData();
    form.set('file', new Blob(['区划代码,年度,开班目标,结业目标,培训人次目标,资金目标\n'], { type: 'text/csv' }), 'targets.csv');
    return fetch(`${base}/api/imports?kind=targets&dryRun=1`, { method: 'POST', headers, body: form });
  }

  test('behind a TLS proxy (TRUST_PROXY=1), the page’s https Origin is this site’s: the upload is checked, not refused', async () => {
    const { base } = await serve(1);
    const proxied = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.7' };
    const { cookie, csrfToken } = await adminSession(base, proxied);
    const origin = `https://${new URL(base).host}`;
    const answer = await upload(base, { ...proxied, cookie, origin, 'x-csrf-token': csrfToken });
    expect(answer.status).toBe(200); // the dry run's report
    // without the token (what another site's form can send), a foreign Origin is refused in words that say why
    const foreign = await upload(base, { ...proxied, cookie, origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { code: string } }).error.code).toBe('ORIGIN');
    // and this site's own https Origin without the token passes the origin check, to be refused for the token
    const tokenless = await upload(base, { ...proxied, cookie, origin });
    expect(((await tokenless.json()) as { error: { code: string } }).error.code).toBe('CSRF');
  });

  test('with its token an upload passes whatever Origin a proxy leaves (no TRUST_PROXY, a port dropped); a script’s too', async () => {
    const { base } = await serve(0);
    const { cookie, csrfToken } = await adminSession(base);
    expect((await upload(base, { cookie, origin: `https://${new URL(base).hostname}:8443`, 'x-forwarded-proto': 'https', 'x-csrf-token': csrfToken })).status).toBe(200);
    expect((await upload(base, { cookie, 'x-csrf-token': csrfToken })).status).toBe(200);
    // without it, that Origin is not this http server's
    const refused = await upload(base, { cookie, origin: `https://${new URL(base).host}`, 'x-forwarded-proto': 'https' });
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('ORIGIN');
    // no token and no Origin: what a cross-site form could send is refused by the origin check
    expect((await upload(base, { cookie })).status).toBe(403);
  });
});
