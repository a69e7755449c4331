import { formatPeriod, type PeriodList } from '@dispatch/core';
import type { Db } from '../client.ts';

/**
 * The months that have data: for each year with annual targets, January up to the last month with any class
 * opened, finished or audited.
 */
export async function getPeriods(db: Db): Promise<Omit<PeriodList, 'demo' | 'demoYears'>> {
  const result = await db.$client.execute(`
    SELECT year, MAX(month) AS last_month FROM region_month_rollup
     WHERE year IN (SELECT DISTINCT year FROM annual_targets)
     GROUP BY year ORDER BY year`);
  const periods = result.rows.flatMap((row) =>
    Array.from({ length: Number(row.last_month) }, (_, i) => formatPeriod({ year: Number(row.year), month: i + 1 })),
  );
  return { periods, latest: periods.at(-1) ?? null };
}
