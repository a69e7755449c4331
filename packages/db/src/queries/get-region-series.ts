import { formatPeriod, type Region, type SeriesPoint } from '@dispatch/core';
import type { Db } from '../client.ts';
import { getYearMetricRows } from './get-year-metric-rows.ts';

/**
 * One region's metric row for each month of a year, up to `lastMonth`. Ranks are among the region's peers:
 * cities among the 14, counties among the 122.
 */
export async function getRegionSeries(db: Db, region: Region, year: number, lastMonth: number): Promise<SeriesPoint[]> {
  const months = await getYearMetricRows(db, { year, lastMonth, level: region.level });
  return months.map((rows, i) => ({ period: formatPeriod({ year, month: i + 1 }), ...rows.find((row) => row.code === region.code)! }));
}
