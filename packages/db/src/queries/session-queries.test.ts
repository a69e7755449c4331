import { beforeEach, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../test-db.ts';
import { createSession } from './create-session.ts';
import { createUser } from './create-user.ts';
import { endSession } from './end-session.ts';
import { findSession } from './find-session.ts';
import { getUserByLogin } from './get-user-by-login.ts';
import { getVersions } from './get-versions.ts';
import { setPassword } from './set-password.ts';
import { updateUser } from './update-user.ts';

let db: Db;
let userId: number;
const audit = (action: string) => ({ actorId: userId, actorLogin: 'zhang', address: '10.0.0.1', action, regionCode: '430200' });

beforeEach(async () => {
  db = await createTestDb(false);
  ({ id: userId } = await createUser(
    db,
    { login: 'zhang', displayName: '张三', role: 'city-leader', regionCode: '430200', passwordHash: 'scrypt$secret-hash' },
    { actorId: null, actorLogin: 'cli', address: null },
  ));
});

const open = (tokenHash: string, expiresAt: string) => createSession(db, { tokenHash, userId, csrfToken: `csrf-${tokenHash}`, expiresAt, address: '10.0.0.1' }, audit('auth.login'));
const tokens = async () => (await db.$client.execute('SELECT token_hash FROM sessions ORDER BY token_hash')).rows.map((r) => r.token_hash);

test('a live session answers its account without the hash, and its CSRF token', async () => {
  await open('live', '2099-01-01T00:00:00.000Z');
  const found = await findSession(db, 'live', '2026-11-25T00:00:00.000Z');
  expect(found).toEqual({
    user: { id: userId, login: 'zhang', displayName: '张三', role: 'city-leader', regionCode: '430200', demo: false, createdAt: expect.any(String), passwordChangedAt: expect.any(String), disabledAt: null },
    csrfToken: 'csrf-live',
    expiresAt: '2099-01-01T00:00:00.000Z',
  });
  expect(JSON.stringify(found)).not.toContain('secret-hash');
  expect(await findSession(db, 'other', '2026-11-25T00:00:00.000Z')).toBeUndefined();
});

test('an expired session is not found, and is cleared when someone next signs in', async () => {
  await open('old', '2000-01-01T00:00:00.000Z');
  expect(await findSession(db, 'old', '2026-11-25T00:00:00.000Z')).toBeUndefined();
  expect(await tokens()).toEqual(['old']);
  await open('new', '2099-01-01T00:00:00.000Z');
  expect(await tokens()).toEqual(['new']);
});

test('ending a session removes it and records the sign-out', async () => {
  await open('live', '2099-01-01T00:00:00.000Z');
  await endSession(db, 'live', audit('auth.logout'));
  expect(await tokens()).toEqual([]);
  const actions = (await db.$client.execute('SELECT action FROM audit_log ORDER BY id')).rows.map((r) => r.action);
  expect(actions).toEqual(['user.create', 'auth.login', 'auth.logout']);
});

test('a stopped account’s session is not found', async () => {
  await open('live', '2099-01-01T00:00:00.000Z');
  await db.$client.execute({ sql: "UPDATE users SET disabled_at = '2026-11-25T00:00:00.000Z' WHERE id = ?", args: [userId] });
  expect(await findSession(db, 'live', '2026-11-25T00:00:00.000Z')).toBeUndefined();
});

test('every revocation bumps the auth version with it; opening a session does not', async () => {
  const auth = async () => (await getVersions(db)).auth;
  const actor = { actorId: userId, actorLogin: 'zhang', address: null };
  const start = await auth();
  await open('live', '2099-01-01T00:00:00.000Z');
  expect(await auth()).toBe(start);
  await endSession(db, 'live', audit('auth.logout'));
  expect(await auth()).toBe(start + 1);
  await setPassword(db, (await getUserByLogin(db, 'zhang'))!, 'scrypt$new', actor);
  expect(await auth()).toBe(start + 2);
  await updateUser(db, (await getUserByLogin(db, 'zhang'))!, { disabled: true }, actor);
  expect(await auth()).toBe(start + 3);
  await updateUser(db, (await getUserByLogin(db, 'zhang'))!, { disabled: true }, actor); // nothing changed
  expect(await auth()).toBe(start + 3);
});
