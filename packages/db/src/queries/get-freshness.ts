import type { Period } from '@dispatch/core';
import type { Db } from '../client.ts';

export interface Freshness {
  regionCode: string;
  level: 'city' | 'county';
  parentCode: string | null;
  /** when data for the month last arrived (a county's own; a city's or any of its counties'), ISO; null: none yet */
  lastArrivedAt: string | null;
  lastBatchId: number | null;
  /** for a city: how many of its counties have data for the month */
  countiesArrived: number | null;
  counties: number | null;
}

/**
 * 数据到达情况: for a month, every city and county with the last arrival of its data (batches reverted since do not
 * count), so that a missing submission is told apart from zero progress.
 */
export async function getFreshness(db: Db, period: Period): Promise<Freshness[]> {
  const { rows } = await db.$client.execute({
    sql: `WITH last AS (
            SELECT a.region_code, MAX(a.arrived_at) AS at, MAX(a.batch_id) AS batch FROM data_arrivals a
            JOIN data_batches b ON b.id = a.batch_id AND b.reverted_by IS NULL
            WHERE a.year = ? AND a.month = ? GROUP BY a.region_code)
          SELECT r.code, r.level, r.parent_code,
                 CASE r.level WHEN 'county' THEN l.at ELSE (SELECT MAX(x.at) FROM last x JOIN regions k ON k.code = x.region_code WHERE k.code = r.code OR k.parent_code = r.code) END AS at,
                 CASE r.level WHEN 'county' THEN l.batch ELSE (SELECT MAX(x.batch) FROM last x JOIN regions k ON k.code = x.region_code WHERE k.code = r.code OR k.parent_code = r.code) END AS batch,
                 CASE r.level WHEN 'city' THEN (SELECT COUNT(*) FROM last x JOIN regions k ON k.code = x.region_code WHERE k.parent_code = r.code) END AS arrived,
                 CASE r.level WHEN 'city' THEN (SELECT COUNT(*) FROM regions k WHERE k.parent_code = r.code) END AS counties
          FROM regions r LEFT JOIN last l ON l.region_code = r.code
          WHERE r.level IN ('city', 'county') ORDER BY r.code`,
    args: [period.year, period.month],
  });
  const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));
  return rows.map((r) => ({
    regionCode: String(r.code), level: r.level as Freshness['level'], parentCode: r.parent_code === null ? null : String(r.parent_code),
    lastArrivedAt: r.at === null ? null : String(r.at), lastBatchId: num(r.batch), countiesArrived: num(r.arrived), counties: num(r.counties),
  }));
}
