import { buildMetricRows, previousPeriod, type MetricRow } from '@dispatch/core';
import type { Db } from '../client.ts';
import { getRegionFigures, type FiguresQuery } from './get-region-figures.ts';

/**
 * The metrics engine's one entry point: every screen, export and the bulletin take their numbers from here.
 * Rows are ranked among the regions asked for (all cities, all counties, or one city's counties) and compared
 * with the same regions a month earlier.
 */
export async function getMetricRows(db: Db, query: FiguresQuery): Promise<MetricRow[]> {
  const before = previousPeriod(query.period);
  const [current, previous] = await Promise.all([
    getRegionFigures(db, query),
    before ? getRegionFigures(db, { ...query, period: before }) : null,
  ]);
  return buildMetricRows(query.period, current, previous);
}
