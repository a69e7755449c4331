import { periodWindow, type Period, type RegionFigures, type RegionLevel, type Totals } from '@dispatch/core';
import type { Db } from '../client.ts';

export interface FiguresQuery {
  period: Period;
  level: RegionLevel;
  /** only the regions whose parent is this code (a city's counties) */
  parentCode?: string;
}

/** The additive columns of the rollup, summed year to date and again for the period's month alone (`month_…`). */
const TOTALS = ['classes_opened', 'classes_finished', 'trainees', 'subsidised', 'funds_audited'] as const;
const MONTH_TOTALS = TOTALS.map((column) => `month_${column}`);
const BUDGET = ['target', 'funds_budget'] as const;
const ALL = [...TOTALS, ...MONTH_TOTALS, ...BUDGET];

/** A fact row that carries only some of the columns: zeros for the rest, in ALL's order. */
const only = (given: Record<string, string>) => ALL.map((column) => `${given[column] ?? '0'} AS ${column}`).join(', ');

/*
 * Facts are the rollup's months of the year up to the period, the annual targets, and the reallocations dated in
 * the window (raising the receiver's budget and lowering the giver's). Every fact is mapped to the group it adds
 * into at the requested level: a county into itself, its city, or the province; a city-level row (市本级) into
 * its city and the province. The province row itself is never summed, so the province is exactly the sum of its
 * cities and a move from the provincial pool raises it.
 */
const FIGURES_SQL = `
WITH facts AS (
  SELECT region_code, ${only({
    ...Object.fromEntries(TOTALS.map((column) => [column, column])),
    ...Object.fromEntries(TOTALS.map((column) => [`month_${column}`, `CASE WHEN month = :month THEN ${column} ELSE 0 END`])),
  })}
    FROM region_month_rollup WHERE year = :year AND month <= :month
  UNION ALL
  SELECT region_code, ${only({ target: 'trainees', funds_budget: 'funds_budget' })} FROM annual_targets WHERE year = :year
  UNION ALL
  SELECT to_code, ${only({ funds_budget: 'amount' })} FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
  UNION ALL
  SELECT from_code, ${only({ funds_budget: '-amount' })} FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
),
grouped AS (
  SELECT CASE :level
           WHEN 'county' THEN CASE WHEN region.level = 'county' THEN region.code END
           WHEN 'city' THEN CASE region.level WHEN 'county' THEN region.parent_code WHEN 'city' THEN region.code END
           ELSE CASE WHEN region.level IN ('city', 'county') THEN (SELECT code FROM regions WHERE level = 'province') END
         END AS group_code,
         ${ALL.map((column) => `SUM(facts.${column}) AS ${column}`).join(', ')}
    FROM facts JOIN regions region ON region.code = facts.region_code
   GROUP BY group_code
)
SELECT region.code, region.name, region.level, region.parent_code, grouped.*
  FROM regions region LEFT JOIN grouped ON grouped.group_code = region.code
 WHERE region.level = :level AND (:parent IS NULL OR region.parent_code = :parent)
 ORDER BY region.code`;

type Row = Record<string, unknown>;

function totals(row: Row, prefix: string): Totals {
  const n = (column: string) => Number(row[`${prefix}${column}`] ?? 0);
  return {
    classesOpened: n('classes_opened'),
    classesFinished: n('classes_finished'),
    trainees: n('trainees'),
    subsidised: n('subsidised'),
    fundsAudited: n('funds_audited'),
  };
}

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
  return result.rows.map((row) => ({
    region: {
      code: String(row.code),
      name: String(row.name),
      level: row.level as RegionLevel,
      parentCode: row.parent_code === null ? null : String(row.parent_code),
    },
    target: Number(row.target ?? 0),
    fundsBudget: Number(row.funds_budget ?? 0),
    ytd: totals(row, ''),
    month: totals(row, 'month_'),
  }));
}
