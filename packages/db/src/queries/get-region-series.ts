import { formatPeriod, type Region, type SeriesPoint } from '@dispatch/core';
import type { Db } from '../client.ts';
import { getMetricRows } from './get-metric-rows.ts';

/**
 * One region's metric row for each month of a year, up to `lastMonth`. Ranks are among the region's peers:
 * cities among the 14, counties among the 122.
 */
export async function getRegionSeries(db: Db, region: Region, year: number, lastMonth: number): Promise<SeriesPoint[]> {
  const months = Array.from({ length: lastMonth }, (_, i) => i + 1);
  const rowsByMonth = await Promise.all(
    months.map((month) => getMetricRows(db, { period: { year, month }, level: region.level })),
  );
  return rowsByMonth.map((rows, i) => ({
    period: formatPeriod({ year, month: months[i]! }),
    ...rows.find((row) => row.code === region.code)!,
  }));
}
