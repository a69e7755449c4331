import { periodWindow, type Period, type RegionFigures, type RegionLevel } from '@dispatch/core';
import type { Db } from '../client.ts';
import { BUDGET, COUNTED_REALLOCATIONS, GROUP_CODE, MONTH_TOTALS, only, REGIONS_ASKED, REGIONS_WHERE, TOTALS, toRegionFigures } from './figures-sql.ts';

export interface FiguresQuery {
  period: Period;
  level: RegionLevel;
  /** only the regions whose parent is this code (a city's counties) */
  parentCode?: string;
}

const ALL = [...TOTALS, ...MONTH_TOTALS, ...BUDGET];

/*
 * Facts are the rollup's months of the year up to the period, the annual targets, and the reallocations dated in
 * the window (raising the receiver's budget and lowering the giver's), each summed into its group (GROUP_CODE).
 */
const FIGURES_SQL = `
WITH facts AS (
  SELECT region_code, ${only(ALL, {
    ...Object.fromEntries(TOTALS.map((column) => [column, column])),
    ...Object.fromEntries(TOTALS.map((column) => [`month_${column}`, `CASE WHEN month = :month THEN ${column} ELSE 0 END`])),
  })}
    FROM region_month_rollup WHERE year = :year AND month <= :month
  UNION ALL
  SELECT region_code, ${only(ALL, { target: 'trainees', funds_budget: 'funds_budget' })} FROM annual_targets WHERE year = :year
  UNION ALL
  SELECT to_code, ${only(ALL, { funds_budget: 'amount' })} FROM ${COUNTED_REALLOCATIONS}
  UNION ALL
  SELECT from_code, ${only(ALL, { funds_budget: '-amount' })} FROM ${COUNTED_REALLOCATIONS}
),
grouped AS (
  SELECT ${GROUP_CODE} AS group_code, ${ALL.map((column) => `SUM(facts.${column}) AS ${column}`).join(', ')}
    FROM facts JOIN regions region ON region.code = facts.region_code
   GROUP BY group_code
)
SELECT region.code, region.name, region.level, region.parent_code, parent.name AS parent_name, grouped.*
  FROM ${REGIONS_ASKED} LEFT JOIN grouped ON grouped.group_code = region.code
 WHERE ${REGIONS_WHERE}
 ORDER BY region.code`;

/**
 * Year-to-date and month-only figures, target and budget (with reallocations dated inside the window) for every
 * region at one level, summed in SQL from the monthly rollup. Regions without activity get zeros.
 */
export async function getRegionFigures(db: Db, { period, level, parentCode }: FiguresQuery): Promise<RegionFigures[]> {
  const { from, to } = periodWindow(period);
  const result = await db.$client.execute({
    sql: FIGURES_SQL,
    args: { level, year: period.year, month: period.month, from, to, parent: parentCode ?? null },
  });
  return result.rows.map(toRegionFigures);
}
