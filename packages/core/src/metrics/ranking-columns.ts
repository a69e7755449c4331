import type { MetricRow } from '../contract/metric-row.ts';
import definitions from './ranking-columns.json' with { type: 'json' };

/** How a column's value is shown: 万 with two decimals, a percentage with one, points, whole yuan, … */
export type ColumnFormat = 'rank' | 'name' | 'wan' | 'count' | 'percent' | 'points' | 'yuan' | 'change';

export interface RankingColumn {
  key: RankingColumnKey;
  /** Chinese header, as on screen and in the Excel export */
  header: string;
  unit?: string;
  format: ColumnFormat;
  value: (row: MetricRow) => number | string | null;
}

export type RankingColumnKey =
  | 'rank' | 'name' | 'parentName' | 'target' | 'classesOpened' | 'classesFinished' | 'trainees' | 'completionRatio' | 'lag'
  | 'completionChange' | 'monthCompletion' | 'monthRank' | 'fundsAudited' | 'fundsRatio' | 'avgSubsidy' | 'rankChange';

/**
 * The ranking table's columns: one list for the screen and the Excel export, so the two never differ. Their
 * headers, units and formats are the table in ranking-columns.json, in the order shown (after 较时序进度: the change
 * since last month, and the month's own pace — its trainees against a twelfth of the target — and the rank that
 * gives); each column shows the metric row's field of the same name.
 */
export const RANKING_COLUMNS: readonly RankingColumn[] = definitions.map((definition) => {
  const key = definition.key as RankingColumnKey;
  return { ...definition, key, format: definition.format as ColumnFormat, value: (row: MetricRow) => row[key] };
});

export const RANKING_COLUMN_KEYS = RANKING_COLUMNS.map((c) => c.key) as [RankingColumnKey, ...RankingColumnKey[]];

/** The columns of a ranking of this level: 所属市州 only where counties are listed. */
export function rankingColumns(level: MetricRow['level']): readonly RankingColumn[] {
  return level === 'county' ? RANKING_COLUMNS : RANKING_COLUMNS.filter((column) => column.key !== 'parentName');
}

export type SortOrder = 'asc' | 'desc';

/**
 * Rows sorted by one column; missing values (no target, no previous month) always go last, and ties keep rank
 * order, so that the screen and the export list the same rows in the same order.
 */
export function sortMetricRows(rows: readonly MetricRow[], key: RankingColumnKey, order: SortOrder): MetricRow[] {
  const column = RANKING_COLUMNS.find((c) => c.key === key)!;
  const sign = order === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const x = column.value(a);
    const y = column.value(b);
    if (x === y) return a.rank - b.rank;
    if (x === null) return 1;
    if (y === null) return -1;
    const compared = typeof x === 'string' ? x.localeCompare(String(y), 'zh-CN') : x - (y as number);
    return sign * compared || a.rank - b.rank;
  });
}

/** Each column's natural first click: ranks and names ascend, quantities descend. */
export function defaultSortOrder(key: RankingColumnKey): SortOrder {
  return key === 'rank' || key === 'monthRank' || key === 'name' || key === 'parentName' ? 'asc' : 'desc';
}
