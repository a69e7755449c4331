import { createSession, createUser, getVersions, prepareDb, type Db } from '@dispatch/db';
import { beforeEach, expect, test } from 'vitest';
import { SessionCache } from './session-cache.ts';

let db: Db;
let now = 0;
const T0 = Date.parse('2026-11-25T00:00:00.000Z');

beforeEach(async () => {
  ({ db } = await prepareDb({ url: ':memory:', demo: false }));
  const { id } = await createUser(db, { login: 'zhang', displayName: '张三', role: 'viewer', regionCode: '430100', passwordHash: 'x' }, { actorId: null, actorLogin: 'cli', address: null });
  await createSession(db, { tokenHash: 't', userId: id, csrfToken: 'c', expiresAt: new Date(T0 + 60_000).toISOString(), address: null }, { actorId: id, actorLogin: 'zhang', address: null, action: 'auth.login', regionCode: null });
  now = T0;
});

/** The session row removed behind the cache's back (no version bump): what the cache answers shows whether it read again. */
const dropRow = () => db.$client.execute("DELETE FROM sessions WHERE token_hash = 't'");

test('a session is kept while the auth version is unchanged and it is younger than the age limit', async () => {
  const cache = new SessionCache(5_000, 100, () => now);
  const auth = (await getVersions(db)).auth;
  expect((await cache.find(db, 't', auth))?.csrfToken).toBe('c');
  await dropRow();
  now += 4_999;
  expect((await cache.find(db, 't', auth))?.csrfToken).toBe('c'); // kept
  now += 1;
  expect(await cache.find(db, 't', auth)).toBeUndefined(); // too old: read again
});

test('a new auth version (a revocation anywhere) is read again at once', async () => {
  const cache = new SessionCache(5_000, 100, () => now);
  expect(await cache.find(db, 't', 7)).toBeDefined();
  await dropRow();
  expect(await cache.find(db, 't', 8)).toBeUndefined();
});

test('an expired session is not answered from memory', async () => {
  const cache = new SessionCache(120_000, 100, () => now);
  expect(await cache.find(db, 't', 0)).toBeDefined();
  now = T0 + 60_000;
  expect(await cache.find(db, 't', 0)).toBeUndefined();
});

test('a session not found is not kept: one opened a moment later is found', async () => {
  const cache = new SessionCache(5_000, 100, () => now);
  expect(await cache.find(db, 'later', 0)).toBeUndefined();
  await db.$client.execute("INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) SELECT 'later', user_id, 'c2', expires_at FROM sessions");
  expect((await cache.find(db, 'later', 0))?.csrfToken).toBe('c2');
});
