import { beforeEach, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { annualTargets, fundAudits, fundReallocations, institutions, occupations, trainingClasses } from '../schema/data.ts';
import { createTestDb } from '../test-db.ts';
import { getMetricRows } from './get-metric-rows.ts';
import { refreshMonthlyRollup } from './refresh-monthly-rollup.ts';

/*
 * A hand-built province: two Changsha counties and one Zhuzhou county with targets, a handful of classes,
 * audits and one reallocation, so that every expected figure below is computed by hand.
 */
let db: Db;
let nextClassId = 1;

async function addClass(regionCode: string, openedOn: string, finishedOn: string | null, completed: number, subsidised: number, standard: number, auditedOn?: string) {
  const id = nextClassId++;
  await db.insert(trainingClasses).values({
    id, classNo: `T${id}`, regionCode, institutionId: 1, occupationId: 1, trainingTypeId: 1,
    openedOn, finishedOn, enrolled: completed + 2, completed, subsidised, subsidyStandard: standard,
  });
  if (auditedOn) await db.insert(fundAudits).values({ classId: id, auditedOn, amount: subsidised * standard, status: 'approved' });
}

beforeEach(async () => {
  nextClassId = 1;
  db = await createTestDb(false);
  await db.insert(institutions).values({ id: 1, name: '测试职业培训学校', regionCode: '430102', kind: 'school' });
  await db.insert(occupations).values({ id: 1, name: '电工' });
  // training type 1 (employment) comes with the migrations
  await db.insert(annualTargets).values([
    { regionCode: '430102', year: 2020, trainees: 1000, fundsBudget: 2_000_000 },
    { regionCode: '430103', year: 2020, trainees: 500, fundsBudget: 1_000_000 },
    { regionCode: '430202', year: 2020, trainees: 0, fundsBudget: 0 },
  ]);
  await addClass('430102', '2020-01-06', '2020-02-20', 50, 40, 1000, '2020-03-02');
  await addClass('430102', '2020-03-01', '2020-03-25', 30, 30, 1500, '2020-03-31');
  await addClass('430103', '2020-02-10', '2020-03-10', 100, 60, 900, '2020-04-15');
  await addClass('430202', '2020-03-05', null, 40, 0, 900);
  await db.insert(fundReallocations).values({ round: 1, fromCode: '430000', toCode: '430103', amount: 300_000, reallocatedOn: '2020-03-15' });
  await refreshMonthlyRollup(db);
});

const at = (month: number, level: 'province' | 'city' | 'county', parentCode?: string) =>
  getMetricRows(db, { period: { year: 2020, month }, level, parentCode });

describe('metrics from a hand-built province', () => {
  test('year-to-date and month-only figures for 2020-03 match the hand count', async () => {
    const counties = new Map((await at(3, 'county', '430100')).map((r) => [r.code, r]));
    expect(counties.get('430102')).toMatchObject({
      classesOpened: 2, classesFinished: 2, trainees: 80, subsidised: 70,
      fundsAudited: 85_000, // 40 × 1000 + 30 × 1500, both audited by 31 March
      completionRatio: 80 / 1000, fundsRatio: 85_000 / 2_000_000, avgSubsidy: 85_000 / 70, // 1,214.285…, unrounded
      timeProgress: 3 / 12, lag: 80 / 1000 - 3 / 12, rank: 2,
      month: { classesOpened: 1, classesFinished: 1, trainees: 30, fundsAudited: 85_000 },
    });
    expect(counties.get('430103')).toMatchObject({
      trainees: 100, fundsAudited: 0, fundsBudget: 1_300_000, completionRatio: 0.2, fundsRatio: 0, rank: 1,
    });
  });

  test('a reallocation counts only from its date; the provincial pool is outside every budget', async () => {
    const february = await at(2, 'province');
    const march = await at(3, 'province');
    expect(february[0]!.fundsBudget).toBe(3_000_000);
    expect(march[0]!.fundsBudget).toBe(3_300_000);
  });

  test('a county with a zero target has no ratio and ranks last among the counties', async () => {
    const all = await at(3, 'county');
    const zhuzhou = all.find((r) => r.code === '430202')!;
    expect(zhuzhou).toMatchObject({ classesOpened: 1, trainees: 0, completionRatio: null, fundsRatio: null, avgSubsidy: null, lag: null });
    const lastWithRatio = Math.max(...all.filter((r) => r.completionRatio !== null).map((r) => r.rank));
    expect(lastWithRatio).toBe(2);
    expect(zhuzhou.rank).toBeGreaterThan(lastWithRatio);
  });

  test('January with nothing finished gives zeros and null averages', async () => {
    const [province] = await at(1, 'province');
    expect(province).toMatchObject({ classesOpened: 1, classesFinished: 0, trainees: 0, fundsAudited: 0, avgSubsidy: null, completionRatio: 0, rankChange: null });
  });

  test('a write refreshed for its region alone shows up in that county, its city and the province', async () => {
    const before = (await at(4, 'province'))[0]!;
    await addClass('430103', '2020-04-01', '2020-04-20', 20, 10, 2000, '2020-04-28');
    await refreshMonthlyRollup(db, ['430103']);
    const after = (await at(4, 'province'))[0]!;
    expect(after.trainees - before.trainees).toBe(20);
    expect(after.fundsAudited - before.fundsAudited).toBe(20_000);
    expect((await at(3, 'province'))[0]!.trainees).toBe(180); // March is untouched
    const [changsha] = (await at(4, 'city')).filter((r) => r.code === '430100');
    expect(changsha!.trainees).toBe(200);
  });

  test('a city-level class (市本级) counts in its city and the province but in no county', async () => {
    await db.insert(annualTargets).values({ regionCode: '430100', year: 2020, trainees: 500, fundsBudget: 0 });
    await addClass('430100', '2020-03-02', '2020-03-20', 25, 25, 1000, '2020-03-28');
    await refreshMonthlyRollup(db, ['430100']);
    const changsha = (await at(3, 'city')).find((r) => r.code === '430100')!;
    const counties = await at(3, 'county', '430100');
    expect(changsha.trainees).toBe(205);
    expect(changsha.target).toBe(2000);
    expect(counties.reduce((sum, r) => sum + r.trainees, 0)).toBe(180);
    expect((await at(3, 'province'))[0]!.trainees).toBe(205);
  });
});
