import { prepareDb, type Db } from '@dispatch/db';
import { beforeEach, expect, test } from 'vitest';
import { reserveAttempt } from './rate-limit.ts';

let db: Db;
beforeEach(async () => {
  db = (await prepareDb({ url: ':memory:', demo: false })).db;
});

const MINUTE = 60_000;
const counted = async (key: string) => Number((await db.$client.execute({ sql: 'SELECT count(*) AS n FROM sign_in_failures WHERE key = ?', args: [key] })).rows[0]!.n);

test('a key is held back after the limit of failures until the oldest leaves the window', async () => {
  const slots = [{ key: 'zhang', limit: 3 }];
  for (const t of [0, 10_000, 20_000]) expect(await reserveAttempt(db, slots, MINUTE, t)).toHaveProperty('remaining');
  expect(await reserveAttempt(db, slots, MINUTE, 30_000)).toEqual({ wait: 30_000 }); // the failure at 0 leaves at 60,000
  expect(await reserveAttempt(db, [{ key: 'li', limit: 3 }], MINUTE, 30_000)).toHaveProperty('remaining', 2);
  expect(await reserveAttempt(db, slots, MINUTE, 60_001)).toHaveProperty('remaining', 0);
});

test('failures older than the window are pruned as new attempts arrive', async () => {
  await reserveAttempt(db, [{ key: 'zhang', limit: 3 }], MINUTE, 0);
  await reserveAttempt(db, [{ key: 'li', limit: 3 }], MINUTE, 2 * MINUTE);
  expect(await counted('zhang')).toBe(0);
  expect(await counted('li')).toBe(1);
});

test('reserving counts the attempt at once against every limit; a release gives back only that attempt', async () => {
  const slots = [{ key: 'login:zhang', limit: 2 }, { key: 'address:10.0.0.1', limit: 5 }];
  const first = await reserveAttempt(db, slots, MINUTE, 0);
  const second = await reserveAttempt(db, slots, MINUTE, 0);
  expect([first, second].map((r) => ('remaining' in r ? r.remaining : 'held'))).toEqual([1, 0]);
  expect(second).toHaveProperty('waitIfFailed', MINUTE);
  expect(await reserveAttempt(db, slots, MINUTE, 0)).toEqual({ wait: MINUTE });
  expect(await counted('address:10.0.0.1')).toBe(2); // the held-back attempt was not counted
  if ('release' in first) await first.release();
  expect([await counted('login:zhang'), await counted('address:10.0.0.1')]).toEqual([1, 1]);
});

test('a release may clear a key: a right password starts the account’s count again', async () => {
  const slots = [{ key: 'login:zhang', limit: 5 }, { key: 'address:10.0.0.1', limit: 30 }];
  for (let i = 0; i < 3; i++) await reserveAttempt(db, slots, MINUTE, 0);
  const right = await reserveAttempt(db, slots, MINUTE, 0);
  if ('release' in right) await right.release(['login:zhang']);
  expect([await counted('login:zhang'), await counted('address:10.0.0.1')]).toEqual([0, 3]);
});
