import { periodWindow, type RegionFigures, type RegionLevel, type Totals } from '@dispatch/core';
import type { Db } from '../client.ts';
import { BUDGET, COUNTED_REALLOCATIONS, GROUP_CODE, MONTH_TOTALS, only, REGIONS_ASKED, REGIONS_WHERE, TOTALS } from './figures-sql.ts';

export interface YearFiguresQuery {
  year: number;
  /** January up to this month */
  lastMonth: number;
  level: RegionLevel;
  /** only the regions whose parent is this code (a city's counties) */
  parentCode?: string;
}

const MONTHLY = [...MONTH_TOTALS, ...BUDGET];

/*
 * Each month's own facts per group — the rollup's month, the targets (counted in January), the reallocations in
 * the month they are dated — packed per region as one JSON array of [month, …MONTHLY]: a row per region rather
 * than a row per region and month, since turning rows into objects is most of what a query costs here.
 */
const YEAR_SQL = `
WITH facts AS (
  SELECT region_code, month, ${only(MONTHLY, Object.fromEntries(TOTALS.map((column) => [`month_${column}`, column])))}
    FROM region_month_rollup WHERE year = :year AND month <= :last_month
  UNION ALL
  SELECT region_code, 1, ${only(MONTHLY, { target: 'trainees', funds_budget: 'funds_budget' })} FROM annual_targets WHERE year = :year
  UNION ALL
  SELECT to_code, CAST(substr(reallocated_on, 6, 2) AS INTEGER), ${only(MONTHLY, { funds_budget: 'amount' })}
    FROM ${COUNTED_REALLOCATIONS}
  UNION ALL
  SELECT from_code, CAST(substr(reallocated_on, 6, 2) AS INTEGER), ${only(MONTHLY, { funds_budget: '-amount' })}
    FROM ${COUNTED_REALLOCATIONS}
),
grouped AS (
  SELECT ${GROUP_CODE} AS group_code, facts.month, ${MONTHLY.map((column) => `SUM(facts.${column}) AS ${column}`).join(', ')}
    FROM facts JOIN regions region ON region.code = facts.region_code
   GROUP BY group_code, facts.month
),
packed AS (
  SELECT group_code, json_group_array(json_array(month, ${MONTHLY.join(', ')})) AS months FROM grouped GROUP BY group_code
)
SELECT region.code, region.name, region.level, region.parent_code, parent.name AS parent_name, packed.months
  FROM ${REGIONS_ASKED} LEFT JOIN packed ON packed.group_code = region.code
 WHERE ${REGIONS_WHERE}
 ORDER BY region.code`;

type Monthly = [month: number, ...values: number[]];

const totalsOf = (values: readonly number[]): Totals => ({
  classesOpened: values[0] ?? 0,
  classesFinished: values[1] ?? 0,
  trainees: values[2] ?? 0,
  subsidised: values[3] ?? 0,
  fundsAudited: values[4] ?? 0,
});

/**
 * The figures of every month from January to `lastMonth` (index 0 is January), year to date and month alone, for
 * every region at one level — the same numbers as getRegionFigures for each month (tested field for field), from
 * one query rather than one per month: SQL sums each month, the running sums are added up here.
 */
export async function getYearFigures(db: Db, { year, lastMonth, level, parentCode }: YearFiguresQuery): Promise<RegionFigures[][]> {
  const { from, to } = periodWindow({ year, month: lastMonth });
  const result = await db.$client.execute({ sql: YEAR_SQL, args: { level, year, last_month: lastMonth, from, to, parent: parentCode ?? null } });
  const months: RegionFigures[][] = Array.from({ length: lastMonth }, () => []);
  for (const row of result.rows) {
    const region = {
      code: String(row.code),
      name: String(row.name),
      level: row.level as RegionLevel,
      parentCode: row.parent_code === null ? null : String(row.parent_code),
      parentName: row.parent_name === null ? null : String(row.parent_name),
    };
    const byMonth = new Map((row.months ? (JSON.parse(String(row.months)) as Monthly[]) : []).map(([month, ...values]) => [month, values]));
    const running = MONTHLY.map(() => 0);
    for (let month = 1; month <= lastMonth; month++) {
      const values = byMonth.get(month) ?? [];
      MONTHLY.forEach((_, i) => (running[i]! += values[i] ?? 0));
      months[month - 1]!.push({
        region,
        target: running[TOTALS.length]!,
        fundsBudget: running[TOTALS.length + 1]!,
        ytd: totalsOf(running),
        month: totalsOf(values),
      });
    }
  }
  return months;
}
