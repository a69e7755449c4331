import { beforeAll, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { createTestDb } from '../test-db.ts';
import { getMetricRows } from './get-metric-rows.ts';
import { getRegionClasses, type ClassesQuery } from './get-region-classes.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});

const may = { year: 2020, month: 5 };
const base: Omit<ClassesQuery, 'region'> = { period: may, basis: 'finished', scope: 'ytd', page: 1, pageSize: 20 };

describe('a region’s classes behind its numbers', () => {
  test.each([
    ['county', '430182'],
    ['city', '430200'],
    ['province', '430000'],
  ] as const)('the %s %s: totals over its classes equal the dashboard’s trainees, subsidised and funds', async (level, code) => {
    const [row] = (await getMetricRows(db, { period: may, level })).filter((r) => r.code === code);
    const finished = await getRegionClasses(db, { ...base, region: { code, level } });
    const audited = await getRegionClasses(db, { ...base, basis: 'audited', region: { code, level } });
    const opened = await getRegionClasses(db, { ...base, basis: 'opened', region: { code, level } });
    expect(finished.total).toBe(row!.classesFinished);
    expect(finished.totals.completed).toBe(row!.trainees);
    expect(finished.totals.subsidised).toBe(row!.subsidised);
    expect(audited.totals.fundsAudited).toBe(row!.fundsAudited);
    expect(opened.total).toBe(row!.classesOpened);
  });

  test('the month scope matches the month-only values', async () => {
    const [row] = (await getMetricRows(db, { period: may, level: 'county' })).filter((r) => r.code === '430182');
    const list = await getRegionClasses(db, { ...base, scope: 'month', region: { code: '430182', level: 'county' } });
    expect(list.total).toBe(row!.month.classesFinished);
    expect(list.totals.completed).toBe(row!.month.trainees);
  });

  test('pages are disjoint, newest first, and the last one is short', async () => {
    const region = { code: '430182', level: 'county' } as const;
    const first = await getRegionClasses(db, { ...base, region });
    const second = await getRegionClasses(db, { ...base, region, page: 2 });
    expect(first.rows).toHaveLength(20);
    expect(new Set([...first.rows, ...second.rows].map((r) => r.classNo)).size).toBe(first.rows.length + second.rows.length);
    expect(first.rows[0]!.finishedOn! >= first.rows[19]!.finishedOn!).toBe(true);
    const lastPage = Math.ceil(first.total / 20);
    const last = await getRegionClasses(db, { ...base, region, page: lastPage });
    expect(last.rows).toHaveLength(first.total - (lastPage - 1) * 20);
  });

  test('classes opened in the window show what stood at its end: one finished later is still 在训, nobody completed', async () => {
    const region = { code: '430182', level: 'county' } as const;
    const opened = await getRegionClasses(db, { ...base, basis: 'opened', region, pageSize: 100 });
    const raw = await db.$client.execute(`
      SELECT COUNT(*) AS total, SUM(finished_on > '2020-05-31') AS later,
             SUM(CASE WHEN finished_on <= '2020-05-31' THEN completed ELSE 0 END) AS completed
        FROM training_classes WHERE region_code = '430182' AND opened_on BETWEEN '2020-01-01' AND '2020-05-31'`);
    expect(Number(raw.rows[0]!.later)).toBeGreaterThan(0); // the demo year has such classes
    expect(opened.total).toBe(Number(raw.rows[0]!.total));
    expect(opened.totals.completed).toBe(Number(raw.rows[0]!.completed));
    expect(opened.rows.every((r) => r.finishedOn === null || r.finishedOn <= '2020-05-31')).toBe(true);
    expect(opened.rows.filter((r) => r.finishedOn === null).every((r) => r.completed === 0 && r.subsidised === 0)).toBe(true);
  });

  test('a search matches institution or occupation names, and pattern characters are literal', async () => {
    const region = { code: '430100', level: 'city' } as const;
    const welders = await getRegionClasses(db, { ...base, region, search: '焊工' });
    expect(welders.total).toBeGreaterThan(0);
    expect(welders.rows.every((r) => r.occupation === '焊工')).toBe(true);
    expect((await getRegionClasses(db, { ...base, region, search: '%' })).total).toBe(0);
    expect((await getRegionClasses(db, { ...base, region, search: "' OR 1=1 --" })).total).toBe(0);
  });
});
