import { periodWindow, type Period, type RegionFigures, type RegionLevel, type Totals } from '@dispatch/core';
import type { Db } from '../client.ts';

export interface FiguresQuery {
  period: Period;
  level: RegionLevel;
  /** only the regions whose parent is this code (a city's counties) */
  parentCode?: string;
}

/*
 * Every region row is mapped to the group it adds into at the requested level: a county into itself, its city,
 * or the province; a city-level row (市本级) into its city and the province. The province row itself is never
 * summed, so the province is exactly the sum of its cities and a move from the provincial pool raises it.
 */
const FIGURES_SQL = `
WITH keyed AS (
  SELECT r.code AS region_code,
         CASE :level
           WHEN 'county' THEN CASE WHEN r.level = 'county' THEN r.code END
           WHEN 'city' THEN CASE r.level WHEN 'county' THEN r.parent_code WHEN 'city' THEN r.code END
           ELSE CASE WHEN r.level IN ('city', 'county') THEN (SELECT code FROM regions WHERE level = 'province') END
         END AS group_code
    FROM regions r
),
activity AS (
  SELECT k.group_code,
         SUM(u.classes_opened) AS classes_opened, SUM(u.classes_finished) AS classes_finished,
         SUM(u.trainees) AS trainees, SUM(u.subsidised) AS subsidised, SUM(u.funds_audited) AS funds_audited,
         SUM(CASE WHEN u.month = :month THEN u.classes_opened ELSE 0 END) AS m_classes_opened,
         SUM(CASE WHEN u.month = :month THEN u.classes_finished ELSE 0 END) AS m_classes_finished,
         SUM(CASE WHEN u.month = :month THEN u.trainees ELSE 0 END) AS m_trainees,
         SUM(CASE WHEN u.month = :month THEN u.subsidised ELSE 0 END) AS m_subsidised,
         SUM(CASE WHEN u.month = :month THEN u.funds_audited ELSE 0 END) AS m_funds_audited
    FROM region_month_rollup u JOIN keyed k ON k.region_code = u.region_code
   WHERE u.year = :year AND u.month <= :month AND k.group_code IS NOT NULL
   GROUP BY k.group_code
),
plan AS (
  SELECT k.group_code, SUM(t.trainees) AS target, SUM(t.funds_budget) AS budget
    FROM annual_targets t JOIN keyed k ON k.region_code = t.region_code
   WHERE t.year = :year AND k.group_code IS NOT NULL
   GROUP BY k.group_code
),
moves AS (
  SELECT k.group_code, SUM(m.amount) AS net
    FROM (SELECT to_code AS code, amount FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
          UNION ALL
          SELECT from_code, -amount FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to) m
    JOIN keyed k ON k.region_code = m.code
   WHERE k.group_code IS NOT NULL
   GROUP BY k.group_code
)
SELECT r.code, r.name, r.level, r.parent_code,
       COALESCE(p.target, 0) AS target, COALESCE(p.budget, 0) + COALESCE(mv.net, 0) AS funds_budget,
       a.classes_opened, a.classes_finished, a.trainees, a.subsidised, a.funds_audited,
       a.m_classes_opened, a.m_classes_finished, a.m_trainees, a.m_subsidised, a.m_funds_audited
  FROM regions r
  LEFT JOIN activity a ON a.group_code = r.code
  LEFT JOIN plan p ON p.group_code = r.code
  LEFT JOIN moves mv ON mv.group_code = r.code
 WHERE r.level = :level AND (:parent IS NULL OR r.parent_code = :parent)
 ORDER BY r.code`;

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
    target: Number(row.target),
    fundsBudget: Number(row.funds_budget),
    ytd: totals(row, ''),
    month: totals(row, 'm_'),
  }));
}
