import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../test-db.ts';
import { createUser } from './create-user.ts';
import { getAction } from './get-action.ts';
import { listActions } from './list-actions.ts';
import { openAction } from './open-action.ts';
import { stepActionRow } from './step-action.ts';

let db: Db;
let official: { actorId: number; actorLogin: string; address: null };
let leader: { actorId: number; actorLogin: string; address: null };
const TODAY = '2020-06-15';

beforeEach(async () => {
  db = await createTestDb(false);
  const cli = { actorId: null, actorLogin: 'cli', address: null };
  const o = await createUser(db, { login: 'official', displayName: '省厅督导处', role: 'province-official', regionCode: '430000', passwordHash: 'x' }, cli);
  const l = await createUser(db, { login: 'changsha', displayName: '长沙市人社局', role: 'city-leader', regionCode: '430100', passwordHash: 'x' }, cli);
  official = { actorId: o.id, actorLogin: o.login, address: null };
  leader = { actorId: l.id, actorLogin: l.login, address: null };
});

const open = (regionCode: string, dueDate = '2020-06-20', kind: 'guidance' | 'summons' = 'guidance') =>
  openAction(db, { regionCode, period: '2020-05', kind, dueDate, requirement: `督导 ${regionCode}`, alert: null }, official);

const ids = (rows: { id: number }[]) => rows.map((r) => r.id);

describe('supervision actions in the database', () => {
  test('opening writes the action, its first step and an audit line with the requirement', async () => {
    const id = await open('430182');
    const thread = await getAction(db, id, TODAY);
    expect(thread).toMatchObject({
      id, regionName: '宁乡市', level: 'county', parentCode: '430100', parentName: '长沙市', state: 'open', version: 1, openedBy: '省厅督导处',
      overdue: false, alert: null, alertRule: null,
    });
    expect(thread!.steps).toMatchObject([{ step: 'open', version: 1, actorName: '省厅督导处', content: { requirement: '督导 430182' } }]);
    const audit = (await db.$client.execute("SELECT action, region_code, detail FROM audit_log WHERE action LIKE 'action.%'")).rows;
    expect(audit.map((r) => [r.action, r.region_code, JSON.parse(String(r.detail))])).toEqual([
      ['action.open', '430182', { actionId: id, kind: 'guidance', period: '2020-05', dueDate: '2020-06-20', requirement: '督导 430182' }],
    ]);
  });

  test('the list keeps to the scope: a city and its counties, or a county alone', async () => {
    const [city, county, otherCounty, otherCity] = [await open('430100'), await open('430182'), await open('430181'), await open('430200')];
    expect(ids(await listActions(db, { scope: null, today: TODAY }))).toEqual([city, county, otherCounty, otherCity]);
    expect(ids(await listActions(db, { scope: '430100', today: TODAY }))).toEqual([city, county, otherCounty]);
    expect(ids(await listActions(db, { scope: '430182', today: TODAY }))).toEqual([county]);
    // A viewer may sit at the province: its scope holds the counties too.
    expect(ids(await listActions(db, { scope: '430000', today: TODAY }))).toEqual([city, county, otherCounty, otherCity]);
    expect(ids(await listActions(db, { scope: null, today: TODAY, city: '430200' }))).toEqual([otherCity]);
    expect(ids(await listActions(db, { scope: '430182', today: TODAY, city: '430100' }))).toEqual([county]);
  });

  test('overdue: not closed and due before today; the filter and the flag agree', async () => {
    const late = await open('430100', '2020-06-14');
    const dueToday = await open('430200', '2020-06-15');
    expect(ids(await listActions(db, { scope: null, today: TODAY, overdue: true }))).toEqual([late]);
    expect(ids(await listActions(db, { scope: null, today: TODAY, overdue: false }))).toEqual([dueToday]);
    expect((await getAction(db, late, TODAY))!.overdue).toBe(true);
  });

  test('a step moves state and version once; a second step from the same version is stale and writes nothing', async () => {
    const id = await open('430100');
    const answer = { id, regionCode: '430100', fromVersion: 1, step: 'answer' as const, to: 'answered' as const, content: { situation: '甲', plan: '乙' } };
    expect(await stepActionRow(db, answer, leader)).toBe(2);
    expect(await stepActionRow(db, { ...answer, content: { situation: '丙', plan: '丁' } }, leader)).toBe('stale');
    const thread = (await getAction(db, id, TODAY))!;
    expect(thread).toMatchObject({ state: 'answered', version: 2 });
    expect(thread.steps.map((s) => [s.step, s.version, s.actorName, s.content])).toEqual([
      ['open', 1, '省厅督导处', { requirement: '督导 430100' }],
      ['answer', 2, '长沙市人社局', { situation: '甲', plan: '乙' }],
    ]);
    const audit = (await db.$client.execute("SELECT count(*) AS n FROM audit_log WHERE action = 'action.answer'")).rows[0]!.n;
    expect(audit).toBe(1);
  });

  test('a to-do is the actions in the given states', async () => {
    const a = await open('430100');
    const b = await open('430182');
    await stepActionRow(db, { id: b, regionCode: '430182', fromVersion: 1, step: 'answer', to: 'answered', content: { situation: '甲', plan: '乙' } }, leader);
    expect(ids(await listActions(db, { scope: '430100', today: TODAY, states: ['open', 'returned'] }))).toEqual([a]);
    expect(ids(await listActions(db, { scope: null, today: TODAY, states: ['answered'] }))).toEqual([b]);
    expect(ids(await listActions(db, { scope: null, today: TODAY, states: [] }))).toEqual([]);
  });
});
