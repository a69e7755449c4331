import type { MetricRow, Totals } from '@dispatch/core';
import { beforeAll, describe, expect, test } from 'vitest';
import { CALIBRATION } from '../demo/catalogue.ts';
import { createTestDb } from '../test-db.ts';
import type { Db } from '../client.ts';
import { getMetricRows } from './get-metric-rows.ts';

let db: Db;
beforeAll(async () => {
  db = await createTestDb();
});

const MONTHS = Array.from({ length: 12 }, (_, i) => i + 1);
const ADDITIVE = ['target', 'fundsBudget', 'classesOpened', 'classesFinished', 'trainees', 'subsidised', 'fundsAudited'] as const;
const MONTH_ONLY = ['classesOpened', 'classesFinished', 'trainees', 'fundsAudited'] as const;

const rowsAt = (month: number, level: 'province' | 'city' | 'county', parentCode?: string) =>
  getMetricRows(db, { period: { year: 2020, month }, level, parentCode });

function sumOf(rows: readonly MetricRow[]) {
  const sum = (pick: (r: MetricRow) => number) => rows.reduce((total, r) => total + pick(r), 0);
  return {
    ...Object.fromEntries(ADDITIVE.map((k) => [k, sum((r) => r[k])])),
    month: Object.fromEntries(MONTH_ONLY.map((k) => [k, sum((r) => r.month[k])])),
  };
}
const additiveOf = (row: MetricRow) => ({
  ...Object.fromEntries(ADDITIVE.map((k) => [k, row[k]])),
  month: row.month,
});

describe('the 2020 demo year, calibrated to the source', () => {
  test('2020-12: 1,388,300 trainees, 1.226 billion yuan audited, 1,359 yuan per subsidised person', async () => {
    const [province] = await rowsAt(12, 'province');
    expect(Math.abs(province!.trainees - CALIBRATION.trainees) / CALIBRATION.trainees).toBeLessThan(0.005);
    expect(Math.abs(province!.fundsAudited - CALIBRATION.fundsAudited) / CALIBRATION.fundsAudited).toBeLessThan(0.005);
    expect(Math.abs(province!.avgSubsidy! - 1359) / 1359).toBeLessThan(0.01);
    expect(province!.completionRatio).toBeGreaterThan(1); // the annual target was over-fulfilled
  });

  test('starts slow in January–April and accelerates from May', async () => {
    const monthly = await Promise.all(MONTHS.map(async (m) => (await rowsAt(m, 'province'))[0]!.month.trainees));
    const slowest = Math.max(...monthly.slice(0, 4));
    expect(Math.min(...monthly.slice(4))).toBeGreaterThan(slowest);
    expect((await rowsAt(5, 'province'))[0]!.lag).toBeLessThan(0);
    expect((await rowsAt(12, 'province'))[0]!.lag).toBeGreaterThan(0);
  });

  test('some city stays in the bottom three, behind the time line, for at least three months running', async () => {
    const bottomByMonth = await Promise.all(
      MONTHS.map(async (m) => new Set((await rowsAt(m, 'city')).filter((r) => r.rank > 11 && r.lag! < 0).map((r) => r.code))),
    );
    const persistent = [...bottomByMonth[11]!].filter((code) => bottomByMonth.slice(9).every((set) => set.has(code)));
    expect(persistent.length).toBeGreaterThan(0);
  });

  test('the two reallocation rounds raise the budget from the day they are dated', async () => {
    const budget = async (m: number) => (await rowsAt(m, 'province'))[0]!.fundsBudget;
    const [june, august, december] = [await budget(6), await budget(8), await budget(12)];
    expect(august - june).toBe(130_000_000);
    expect(december - june).toBe(330_000_000);
  });
});

describe('one set of numbers at every level', () => {
  test.each(MONTHS)('2020-%i: the province is the sum of its cities, each city the sum of its counties', async (month) => {
    const [province] = await rowsAt(month, 'province');
    const cities = await rowsAt(month, 'city');
    expect(cities).toHaveLength(14);
    expect(sumOf(cities)).toEqual(additiveOf(province!));
    const counties = await rowsAt(month, 'county');
    expect(counties).toHaveLength(122);
    for (const city of cities) {
      expect(sumOf(counties.filter((c) => c.parentCode === city.code))).toEqual(additiveOf(city));
    }
  });

  test.each(MONTHS)('2020-%i: each county equals its classes and audits counted straight from the raw tables', async (month) => {
    const end = `2020-${String(month).padStart(2, '0')}-31`;
    const raw = await db.$client.execute({
      sql: `SELECT r.code,
              (SELECT COUNT(*) FROM training_classes c WHERE c.region_code = r.code AND c.opened_on BETWEEN '2020-01-01' AND ?) AS opened,
              (SELECT COUNT(*) FROM training_classes c WHERE c.region_code = r.code AND c.finished_on BETWEEN '2020-01-01' AND ?) AS finished,
              (SELECT COALESCE(SUM(completed), 0) FROM training_classes c WHERE c.region_code = r.code AND c.finished_on BETWEEN '2020-01-01' AND ?) AS trainees,
              (SELECT COALESCE(SUM(subsidised), 0) FROM training_classes c WHERE c.region_code = r.code AND c.finished_on BETWEEN '2020-01-01' AND ?) AS subsidised,
              (SELECT COALESCE(SUM(a.amount), 0) FROM fund_audits a JOIN training_classes c ON c.id = a.class_id
                WHERE c.region_code = r.code AND a.status = 'approved' AND a.audited_on BETWEEN '2020-01-01' AND ?) AS funds
            FROM regions r WHERE r.level = 'county'`,
      args: [end, end, end, end, end],
    });
    const engine = new Map((await rowsAt(month, 'county')).map((r) => [r.code, r]));
    for (const row of raw.rows) {
      const expected: Totals = {
        classesOpened: Number(row.opened),
        classesFinished: Number(row.finished),
        trainees: Number(row.trainees),
        subsidised: Number(row.subsidised),
        fundsAudited: Number(row.funds),
      };
      const got = engine.get(String(row.code))!;
      expect({ code: got.code, ...expected }).toEqual({
        code: got.code,
        classesOpened: got.classesOpened,
        classesFinished: got.classesFinished,
        trainees: got.trainees,
        subsidised: got.subsidised,
        fundsAudited: got.fundsAudited,
      });
    }
  });
});

describe('ranks', () => {
  test('counties rank 1–122 province-wide and 1–n among one city’s counties, in rank order', async () => {
    const all = await rowsAt(7, 'county');
    expect(all.map((r) => r.rank)).toEqual(Array.from({ length: 122 }, (_, i) => i + 1));
    const changsha = await rowsAt(7, 'county', '430100');
    expect(changsha.map((r) => r.rank)).toEqual(Array.from({ length: changsha.length }, (_, i) => i + 1));
    // Within the city the order is the province-wide order restricted to the city.
    expect(changsha.map((r) => r.code)).toEqual(all.filter((r) => r.parentCode === '430100').map((r) => r.code));
  });

  test('rank change is the previous month’s rank minus this month’s, and null in January', async () => {
    const june = new Map((await rowsAt(6, 'city')).map((r) => [r.code, r.rank]));
    for (const row of await rowsAt(7, 'city')) expect(row.rankChange).toBe(june.get(row.code)! - row.rank);
    expect((await rowsAt(1, 'city')).every((r) => r.rankChange === null)).toBe(true);
  });
});
