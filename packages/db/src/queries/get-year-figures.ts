import { periodWindow, type RegionFigures, type RegionLevel } from '@dispatch/core';
import type { Db } from '../client.ts';
import { BUDGET, GROUP_CODE, MONTH_TOTALS, only, REGIONS_ASKED, REGIONS_WHERE, TOTALS, toRegionFigures } from './figures-sql.ts';

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
 * the month they are dated — then, for every region and every month, the month alone and the running sums from
 * January (a window over the months): every month's year-to-date figures in one pass.
 */
const YEAR_SQL = `
WITH RECURSIVE months(month) AS (SELECT 1 UNION ALL SELECT month + 1 FROM months WHERE month < :last_month),
facts AS (
  SELECT region_code, month, ${only(MONTHLY, Object.fromEntries(TOTALS.map((column) => [`month_${column}`, column])))}
    FROM region_month_rollup WHERE year = :year AND month <= :last_month
  UNION ALL
  SELECT region_code, 1, ${only(MONTHLY, { target: 'trainees', funds_budget: 'funds_budget' })} FROM annual_targets WHERE year = :year
  UNION ALL
  SELECT to_code, CAST(substr(reallocated_on, 6, 2) AS INTEGER), ${only(MONTHLY, { funds_budget: 'amount' })}
    FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
  UNION ALL
  SELECT from_code, CAST(substr(reallocated_on, 6, 2) AS INTEGER), ${only(MONTHLY, { funds_budget: '-amount' })}
    FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
),
grouped AS (
  SELECT ${GROUP_CODE} AS group_code, facts.month, ${MONTHLY.map((column) => `SUM(facts.${column}) AS ${column}`).join(', ')}
    FROM facts JOIN regions region ON region.code = facts.region_code
   GROUP BY group_code, facts.month
)
SELECT region.code, region.name, region.level, region.parent_code, parent.name AS parent_name, months.month,
       ${MONTH_TOTALS.map((column) => `COALESCE(grouped.${column}, 0) AS ${column}`).join(', ')},
       ${TOTALS.map((column) => `SUM(COALESCE(grouped.month_${column}, 0)) OVER so_far AS ${column}`).join(', ')},
       ${BUDGET.map((column) => `SUM(COALESCE(grouped.${column}, 0)) OVER so_far AS ${column}`).join(', ')}
  FROM ${REGIONS_ASKED} CROSS JOIN months
  LEFT JOIN grouped ON grouped.group_code = region.code AND grouped.month = months.month
 WHERE ${REGIONS_WHERE}
WINDOW so_far AS (PARTITION BY region.code ORDER BY months.month ROWS UNBOUNDED PRECEDING)
 ORDER BY months.month, region.code`;

/**
 * The figures of every month from January to `lastMonth` (index 0 is January), year to date and month alone, for
 * every region at one level — the same numbers as getRegionFigures for each month, in one query rather than one
 * per month.
 */
export async function getYearFigures(db: Db, { year, lastMonth, level, parentCode }: YearFiguresQuery): Promise<RegionFigures[][]> {
  const { from, to } = periodWindow({ year, month: lastMonth });
  const result = await db.$client.execute({
    sql: YEAR_SQL,
    args: { level, year, last_month: lastMonth, from, to, parent: parentCode ?? null },
  });
  const months: RegionFigures[][] = Array.from({ length: lastMonth }, () => []);
  for (const row of result.rows) months[Number(row.month) - 1]!.push(toRegionFigures(row));
  return months;
}
