import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../test-db.ts';
import { createUser } from './create-user.ts';
import { getBulletinDraftEdits } from './get-bulletin-draft-edits.ts';
import { saveBulletinDraftEdits } from './save-bulletin-draft-edits.ts';

let db: Db;
let staff: { actorId: number; actorLogin: string; address: null };

beforeEach(async () => {
  db = await createTestDb(false);
  const cli = { actorId: null, actorLogin: 'cli', address: null };
  const user = await createUser(db, { login: 'official', displayName: '省厅就业处', role: 'province-official', regionCode: '430000', passwordHash: 'x' }, cli);
  staff = { actorId: user.id, actorLogin: user.login, address: null };
});

const audit = async () =>
  (await db.$client.execute("SELECT action, detail FROM audit_log WHERE action = 'bulletin.edit' ORDER BY id")).rows.map((r) => JSON.parse(String(r.detail)));

describe('a bulletin draft\'s edits', () => {
  test('a month never edited has no edits at version 0', async () => {
    expect(await getBulletinDraftEdits(db, '2020-05')).toEqual({ period: '2020-05', edits: {}, version: 0, updatedBy: null, updatedAt: null });
  });

  test('saving from the version seen moves it on, with the audit line before → after', async () => {
    expect(await saveBulletinDraftEdits(db, '2020-05', { problems: '一是甲。' }, 0, staff)).toEqual({ ok: true, version: 1 });
    expect(await saveBulletinDraftEdits(db, '2020-05', { problems: '一是乙。', requirements: '要求' }, 1, staff)).toEqual({ ok: true, version: 2 });
    expect(await getBulletinDraftEdits(db, '2020-05')).toMatchObject({ edits: { problems: '一是乙。', requirements: '要求' }, version: 2, updatedBy: '省厅就业处' });
    expect(await audit()).toEqual([
      { period: '2020-05', version: 1, before: {}, after: { problems: '一是甲。' } },
      { period: '2020-05', version: 2, before: { problems: '一是甲。' }, after: { problems: '一是乙。', requirements: '要求' } },
    ]);
  });

  test.each([
    ['a draft saved by someone else since', 0],
    ['a version from the future', 5],
  ])('%s is refused as stale and changes nothing', async (_, expected) => {
    await saveBulletinDraftEdits(db, '2020-05', { problems: '先' }, 0, staff);
    expect(await saveBulletinDraftEdits(db, '2020-05', { problems: '后' }, expected, staff)).toEqual({ ok: false, reason: 'stale', current: 1 });
    expect((await getBulletinDraftEdits(db, '2020-05')).edits).toEqual({ problems: '先' });
    expect(await audit()).toHaveLength(1);
  });

  test('the same text again writes nothing; an empty text is no text', async () => {
    await saveBulletinDraftEdits(db, '2020-05', { problems: '甲', requirements: '  ' }, 0, staff);
    expect(await saveBulletinDraftEdits(db, '2020-05', { problems: '甲' }, 1, staff)).toEqual({ ok: true, version: 1 });
    expect((await getBulletinDraftEdits(db, '2020-05')).edits).toEqual({ problems: '甲' });
    expect(await audit()).toHaveLength(1);
  });
});
