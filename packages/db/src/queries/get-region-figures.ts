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
WITH facts AS (
  SELECT region_code, classes_opened AS o, classes_finished AS f, trainees AS t, subsidised AS s, funds_audited AS a,
         CASE WHEN month = :month THEN classes_opened ELSE 0 END AS mo,
         CASE WHEN month = :month THEN classes_finished ELSE 0 END AS mf,
         CASE WHEN month = :month THEN trainees ELSE 0 END AS mt,
         CASE WHEN month = :month THEN subsidised ELSE 0 END AS ms,
         CASE WHEN month = :month THEN funds_audited ELSE 0 END AS ma,
         0 AS target, 0 AS budget
    FROM region_month_rollup WHERE year = :year AND month <= :month
  UNION ALL
  SELECT region_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, trainees, funds_budget FROM annual_targets WHERE year = :year
  UNION ALL
  SELECT to_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, amount
    FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
  UNION ALL
  SELECT from_code, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -amount
    FROM fund_reallocations WHERE reallocated_on BETWEEN :from AND :to
),
per_region AS (
  SELECT region_code, SUM(o) AS o, SUM(f) AS f, SUM(t) AS t, SUM(s) AS s, SUM(a) AS a,
         SUM(mo) AS mo, SUM(mf) AS mf, SUM(mt) AS mt, SUM(ms) AS ms, SUM(ma) AS ma,
         SUM(target) AS target, SUM(budget) AS budget
    FROM facts GROUP BY region_code
),
grouped AS (
  SELECT CASE :level
           WHEN 'county' THEN CASE WHEN r.level = 'county' THEN r.code END
           WHEN 'city' THEN CASE r.level WHEN 'county' THEN r.parent_code WHEN 'city' THEN r.code END
           ELSE CASE WHEN r.level IN ('city', 'county') THEN (SELECT code FROM regions WHERE level = 'province') END
         END AS group_code,
         SUM(p.o) AS classes_opened, SUM(p.f) AS classes_finished, SUM(p.t) AS trainees,
         SUM(p.s) AS subsidised, SUM(p.a) AS funds_audited,
         SUM(p.mo) AS m_classes_opened, SUM(p.mf) AS m_classes_finished, SUM(p.mt) AS m_trainees,
         SUM(p.ms) AS m_subsidised, SUM(p.ma) AS m_funds_audited,
         SUM(p.target) AS target, SUM(p.budget) AS funds_budget
    FROM per_region p JOIN regions r ON r.code = p.region_code
   GROUP BY group_code
)
SELECT r.code, r.name, r.level, r.parent_code, g.*
  FROM regions r LEFT JOIN grouped g ON g.group_code = r.code
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
    target: Number(row.target ?? 0),
    fundsBudget: Number(row.funds_budget ?? 0),
    ytd: totals(row, ''),
    month: totals(row, 'm_'),
  }));
}
