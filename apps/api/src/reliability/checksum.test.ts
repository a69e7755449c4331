/**
 * The data checksum moves with any write of data and with nothing a refused request writes on purpose: a failed
 * sign-in's audit line, a refused or dry-run import's record, a session.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appendAudit, createSession, prepareDb, storeImportAttempt, type Db, type ImportAttemptToStore } from '@dispatch/db';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { ensureAccount } from '../testing/test-session.ts';
import { dataChecksum, integrityCheck } from './checksum.ts';

let dir: string;
let url: string;
let db: Db;
const actor = { actorId: null, actorLogin: 'test', address: null, regionCode: null };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-checksum-'));
  url = `file:${join(dir, 'c.db')}`;
  ({ db } = await prepareDb({ url, demo: false }));
  await ensureAccount(db, 'checker', 'province-admin', '430000');
});
afterAll(() => {
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

const attempt = (status: ImportAttemptToStore['status']): ImportAttemptToStore => ({
  kind: 'targets', fileName: 'a.xlsx', sha256: 'x', bytes: new Uint8Array([1]), status, rows: 0, problems: [], scope: null,
});

test('a session, a failed sign-in and a refused or checked import leave it equal; an audited write or an applied import moves it', async () => {
  const before = await dataChecksum(url);
  expect(before.excluded).toEqual(['sessions', 'sign_in_failures']);
  expect(Object.keys(before.tables)).toEqual(expect.arrayContaining(['users', 'training_classes', 'audit_log', 'settings', 'region_notes']));

  await createSession(db, { tokenHash: 'h', userId: 1, csrfToken: 't', expiresAt: '2100-01-01T00:00:00.000Z' }, { ...actor, action: 'auth.login' });
  await appendAudit(db, { ...actor, action: 'auth.login-failed' });
  await storeImportAttempt(db, attempt('refused'), actor);
  await storeImportAttempt(db, attempt('checked'), actor);
  expect((await dataChecksum(url)).hash).toBe(before.hash);

  await storeImportAttempt(db, attempt('applied'), actor);
  const afterImport = await dataChecksum(url);
  expect(afterImport.hash).not.toBe(before.hash);

  await appendAudit(db, { ...actor, action: 'note.create' });
  expect((await dataChecksum(url)).hash).not.toBe(afterImport.hash);
  expect(await integrityCheck(url)).toBe('ok');
});
