import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../test-db.ts';
import { ClosedPeriodError } from '../write-path/errors.ts';
import { closePeriod } from './close-period.ts';
import { reopenPeriod } from './reopen-period.ts';
import { getDataVersion } from './get-data-version.ts';
import { listReallocationRounds } from './list-reallocation-rounds.ts';
import { recordReallocationRound, StaleDataError } from './record-reallocation-round.ts';
import { revokeReallocationRound } from './revoke-reallocation-round.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});

const cli = { actorId: null, actorLogin: 'cli', address: null };
const lines = [
  { regionCode: '430182', regionName: '宁乡市', amount: 500_000 },
  { regionCode: '430103', regionName: '天心区', amount: -300_000 },
];

describe('reallocation rounds', () => {
  test('the demo’s two 2020 rounds are listed, from the pool: 5 cities / 54 counties, then 9 / 59, 3.3亿元 in all', async () => {
    const rounds = await listReallocationRounds(db);
    expect(rounds.map((r) => [r.round, r.date.slice(0, 4), r.cities, r.counties, r.given, r.revokedAt])).toEqual([
      [2, '2020', 9, 59, 0, null],
      [1, '2020', 5, 54, 0, null],
    ]);
    expect(rounds[0]!.received + rounds[1]!.received).toBe(330_000_000);
  });

  test('a round is numbered after every round so far, stored as moves to and from the pool, and bumps the data version', async () => {
    const before = await getDataVersion(db);
    const round = await recordReallocationRound(db, { date: '2020-07-15', documentNumber: '湘人社函〔2020〕99号', note: null, lines, dataVersion: before }, cli);
    expect(round).toBe(3);
    expect(await getDataVersion(db)).toBe(before + 1);
    const moves = (await db.$client.execute('SELECT from_code, to_code, amount, reallocated_on FROM fund_reallocations WHERE round = 3 ORDER BY amount')).rows;
    expect(moves.map((m) => ({ ...m }))).toEqual([
      { from_code: '430103', to_code: '430000', amount: 300_000, reallocated_on: '2020-07-15' },
      { from_code: '430000', to_code: '430182', amount: 500_000, reallocated_on: '2020-07-15' },
    ]);
    const [listed] = await listReallocationRounds(db);
    expect(listed).toMatchObject({ round: 3, received: 500_000, given: 300_000, net: 200_000, regions: 2, cities: 1, counties: 2 });
    const audit = (await db.$client.execute("SELECT detail FROM audit_log WHERE action = 'funds.round'")).rows;
    expect(JSON.parse(String(audit[0]!.detail))).toMatchObject({ round: 3, lines });
  });

  test('a round checked against an older data version is refused and leaves nothing behind', async () => {
    const version = await getDataVersion(db);
    await expect(recordReallocationRound(db, { date: '2020-07-15', documentNumber: 'x', note: null, lines, dataVersion: version - 1 }, cli)).rejects.toThrow(StaleDataError);
    expect(await getDataVersion(db)).toBe(version);
    expect((await listReallocationRounds(db)).length).toBe(3);
  });

  test('a round is revoked once: a second revocation changes nothing; an unknown round is not found', async () => {
    const version = await getDataVersion(db);
    expect(await revokeReallocationRound(db, 3, '文号有误', cli)).toBe('revoked');
    expect(await revokeReallocationRound(db, 3, '重复登记', cli)).toBe('already-revoked');
    expect(await getDataVersion(db)).toBe(version + 1);
    expect(await revokeReallocationRound(db, 99, '无', cli)).toBe('not-found');
    const [listed] = await listReallocationRounds(db);
    expect(listed).toMatchObject({ revokeReason: '文号有误' });
    expect(listed!.revokedAt).not.toBeNull();
    expect((await db.$client.execute("SELECT COUNT(*) AS n FROM audit_log WHERE action = 'funds.revoke'")).rows[0]!.n).toBe(1);
  });

  test('a round counts from its date on: recording or revoking one dated in or before a closed month of its year is refused', async () => {
    await closePeriod(db, { year: 2020, month: 8 }, cli);
    const round = (date: string) => recordReallocationRound(db, { date, documentNumber: '湘人社函〔2020〕100号', note: null, lines }, cli);
    await expect(round('2020-08-20')).rejects.toThrow('2020年8月已关账：资金调剂计入其日期起当年各月');
    await expect(round('2020-07-01')).rejects.toThrow(ClosedPeriodError);
    const later = await round('2020-09-01');
    expect(await revokeReallocationRound(db, later, '测试', cli)).toBe('revoked');
    await expect(revokeReallocationRound(db, 1, '测试', cli)).rejects.toThrow(ClosedPeriodError); // the demo's first round: 2020-07-28
    expect((await listReallocationRounds(db)).find((r) => r.round === 1)!.revokedAt).toBeNull();
    await reopenPeriod(db, { year: 2020, month: 8 }, cli);
  });
});
