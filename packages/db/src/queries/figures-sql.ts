/**
 * The pieces both figure queries (one period: get-region-figures; every month of a year: get-year-figures) are
 * made of, so that they sum the same way.
 */
import type { RegionFigures, RegionLevel, Totals } from '@dispatch/core';

/** The additive columns of the rollup, summed year to date and again for a month alone (`month_…`). */
export const TOTALS = ['classes_opened', 'classes_finished', 'trainees', 'subsidised', 'funds_audited'] as const;
export const MONTH_TOTALS = TOTALS.map((column) => `month_${column}`);
export const BUDGET = ['target', 'funds_budget'] as const;

/** The moves that count in budgets: those dated in the window (:from–:to) of rounds not revoked. */
export const COUNTED_REALLOCATIONS = `fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
      AND round NOT IN (SELECT round FROM reallocation_rounds WHERE revoked_at IS NOT NULL)`;

/** A fact row that carries only some of `columns`: zeros for the rest, in their order. */
export const only = (columns: readonly string[], given: Record<string, string>) =>
  columns.map((column) => `${given[column] ?? '0'} AS ${column}`).join(', ');

/**
 * The group a fact adds into at the requested level (`:level`): a county into itself, its city, or the province;
 * a city-level row (市本级) into its city and the province. The province row itself is never summed, so the
 * province is exactly the sum of its cities and a move from the provincial pool raises it.
 */
export const GROUP_CODE = `CASE :level
           WHEN 'county' THEN CASE WHEN region.level = 'county' THEN region.code END
           WHEN 'city' THEN CASE region.level WHEN 'county' THEN region.parent_code WHEN 'city' THEN region.code END
           ELSE CASE WHEN region.level IN ('city', 'county') THEN (SELECT code FROM regions WHERE level = 'province') END
         END`;

/** The regions asked for, with their parent's name: `:level`, and `:parent`'s children when given. */
export const REGIONS_ASKED = `regions region LEFT JOIN regions parent ON parent.code = region.parent_code`;
export const REGIONS_WHERE = `region.level = :level AND (:parent IS NULL OR region.parent_code = :parent)`;

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

/** A result row (region columns, TOTALS, MONTH_TOTALS, BUDGET) as the engine's input. */
export function toRegionFigures(row: Row): RegionFigures {
  return {
    region: {
      code: String(row.code),
      name: String(row.name),
      level: row.level as RegionLevel,
      parentCode: row.parent_code === null ? null : String(row.parent_code),
      parentName: row.parent_name === null ? null : String(row.parent_name),
    },
    target: Number(row.target ?? 0),
    fundsBudget: Number(row.funds_budget ?? 0),
    ytd: totals(row, ''),
    month: totals(row, 'month_'),
  };
}
