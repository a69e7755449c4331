import { buildMetricRows, formatPeriod, type Region, type SeriesPoint } from '@dispatch/core';
import type { Db } from '../client.ts';
import { getRegionFigures } from './get-region-figures.ts';

/**
 * One region's metric row for each month of a year, up to `lastMonth`. Ranks are among the region's peers:
 * cities among the 14, counties among the 122. Each month's figures are read once and serve as the next
 * month's previous figures for the rank change.
 */
export async function getRegionSeries(db: Db, region: Region, year: number, lastMonth: number): Promise<SeriesPoint[]> {
  const months = Array.from({ length: lastMonth }, (_, i) => i + 1);
  const figures = await Promise.all(months.map((month) => getRegionFigures(db, { period: { year, month }, level: region.level })));
  return months.map((month, i) => {
    const period = { year, month };
    const rows = buildMetricRows(period, figures[i]!, i > 0 ? figures[i - 1]! : null);
    return { period: formatPeriod(period), ...rows.find((row) => row.code === region.code)! };
  });
}
