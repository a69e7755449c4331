import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../test-db.ts';
import { getMetricRows } from './get-metric-rows.ts';
import { getYearMetricRows } from './get-year-metric-rows.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});

describe('a year of rankings in one query', () => {
  test.each([
    ['province', undefined],
    ['city', undefined],
    ['county', undefined],
    ['county', '430500'],
  ] as const)('%s %s: every month equals the one-month engine, row for row, field for field', async (level, parentCode) => {
    const year = await getYearMetricRows(db, { year: 2020, lastMonth: 12, level, parentCode });
    expect(year).toHaveLength(12);
    for (let month = 1; month <= 12; month++) {
      expect(year[month - 1]).toEqual(await getMetricRows(db, { period: { year: 2020, month }, level, parentCode }));
    }
  });

  test('up to a month within the year, with the reallocations dated by then', async () => {
    const year = await getYearMetricRows(db, { year: 2020, lastMonth: 7, level: 'province' });
    expect(year).toHaveLength(7);
    expect(year[6]).toEqual(await getMetricRows(db, { period: { year: 2020, month: 7 }, level: 'province' }));
  });
});
