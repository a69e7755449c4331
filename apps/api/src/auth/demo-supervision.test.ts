import { listActions, listNotes, prepareDb } from '@dispatch/db';
import { isOverdue } from '@dispatch/core';
import { expect, test } from 'vitest';
import { createDemoAccounts } from './demo-accounts.ts';
import { seedDemoSupervision } from './demo-supervision.ts';

test('a new demo database shows the loop at work: three summonsed cities, three of 长沙’s counties at each state, a note', async () => {
  const { db } = await prepareDb({ url: ':memory:' });
  await createDemoAccounts(db);
  await seedDemoSupervision(db);
  const actions = await listActions(db, { scope: null, today: '2026-11-26' });
  const summons = actions.filter((a) => a.kind === 'summons');
  // 常德 430700, 邵阳 430500, 郴州 431000: the bottom three of the 14 cities from January to March (issue 9's finding).
  expect(summons.map((a) => a.regionCode).sort()).toEqual(['430500', '430700', '431000']);
  expect(summons.every((a) => a.period === '2020-03' && a.state === 'open' && a.overdue && a.alert?.rule === 'persistent-bottom')).toBe(true);
  const guidance = actions.filter((a) => a.kind === 'guidance');
  expect(guidance.map((a) => [a.period, a.state, a.parentCode])).toEqual(
    expect.arrayContaining([
      ['2020-05', 'closed', '430100'],
      ['2020-08', 'answered', '430100'],
      ['2020-11', 'open', '430100'],
    ]),
  );
  expect(guidance).toHaveLength(3);
  // 逾期 as core says it, in every answer: the answered one waits for the province, not the region.
  for (const action of actions) expect(action.overdue).toBe(isOverdue(action, new Date('2026-11-26T04:00:00Z')));
  expect(guidance.find((a) => a.state === 'answered')!.overdue).toBe(false);
  expect((await listActions(db, { scope: null, today: '2026-11-26', overdue: true })).map((a) => a.id).sort()).toEqual(
    actions.filter((a) => a.overdue).map((a) => a.id).sort(),
  );
  // Every step is in the audit log: six opened, two answered, one accepted.
  const { rows } = await db.$client.execute("SELECT action, count(*) AS n FROM audit_log WHERE action LIKE 'action.%' GROUP BY action ORDER BY action");
  expect(rows.map((r) => [r.action, Number(r.n)])).toEqual([['action.accept', 1], ['action.answer', 2], ['action.open', 6]]);
  // Dated in 2020 with their numbers: opened early in the next month, answered before the due date.
  const closed = guidance.find((a) => a.state === 'closed')!;
  expect(closed.openedAt).toBe('2020-06-05T01:30:00.000Z');
  const notes = await listNotes(db, { regionCode: '430100' });
  expect(notes.map((n) => [n.period, n.author.login])).toEqual([['2020-04', 'demo-city']]);
});
