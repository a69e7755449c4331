import { buildMetricRows, type MetricRow } from '@dispatch/core';
import type { Db } from '../client.ts';
import { getYearFigures, type YearFiguresQuery } from './get-year-figures.ts';

/**
 * Every month's metric rows from January to `lastMonth` (index 0 is January), each ranked among the regions
 * asked for and compared with the month before: a year of rankings from one query — for the series, the alerts
 * and the ranks by month.
 */
export async function getYearMetricRows(db: Db, query: YearFiguresQuery): Promise<MetricRow[][]> {
  const figures = await getYearFigures(db, query);
  return figures.map((month, i) => buildMetricRows({ year: query.year, month: i + 1 }, month, i > 0 ? figures[i - 1]! : null));
}
