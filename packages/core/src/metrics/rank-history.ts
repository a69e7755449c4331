import type { RankHistory } from '../contract/alerts.ts';
import type { MetricRow } from '../contract/metric-row.ts';

/**
 * Each region's rank and lag month by month (index 0 is January), regions in the order of the last month's
 * ranking: the rows of a ranks-by-month heat map.
 */
export function rankHistory(months: readonly (readonly MetricRow[])[]): RankHistory['regions'] {
  const last = months.at(-1) ?? [];
  const byMonth = months.map((rows) => new Map(rows.map((row) => [row.code, row])));
  return last.map((row) => ({
    code: row.code,
    name: row.name,
    ranks: byMonth.map((rows) => rows.get(row.code)?.rank ?? 0),
    lags: byMonth.map((rows) => rows.get(row.code)?.lag ?? null),
  }));
}
