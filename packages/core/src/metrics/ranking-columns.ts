import type { MetricRow } from '../contract/metric-row.ts';

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

/** The ranking table's columns: one list for the screen and the Excel export, so the two never differ. */
export const RANKING_COLUMNS: readonly RankingColumn[] = [
  { key: 'rank', header: '名次', format: 'rank', value: (r) => r.rank },
  { key: 'name', header: '地区', format: 'name', value: (r) => r.name },
  { key: 'parentName', header: '所属市州', format: 'name', value: (r) => r.parentName },
  { key: 'target', header: '目标任务', unit: '万人次', format: 'wan', value: (r) => r.target },
  { key: 'classesOpened', header: '开班数', format: 'count', value: (r) => r.classesOpened },
  { key: 'classesFinished', header: '结课数', format: 'count', value: (r) => r.classesFinished },
  { key: 'trainees', header: '培训人次', unit: '万人次', format: 'wan', value: (r) => r.trainees },
  { key: 'completionRatio', header: '完成比例', format: 'percent', value: (r) => r.completionRatio },
  { key: 'lag', header: '较时序进度', unit: '百分点', format: 'points', value: (r) => r.lag },
  { key: 'completionChange', header: '完成比例较上月', unit: '百分点', format: 'points', value: (r) => r.completionChange },
  // The month's own pace: its trainees against a twelfth of the target, and the rank that gives.
  { key: 'monthCompletion', header: '当月完成比例', format: 'percent', value: (r) => r.monthCompletion },
  { key: 'monthRank', header: '当月名次', format: 'rank', value: (r) => r.monthRank },
  { key: 'fundsAudited', header: '资金审核数', unit: '万元', format: 'wan', value: (r) => r.fundsAudited },
  { key: 'fundsRatio', header: '资金执行率', format: 'percent', value: (r) => r.fundsRatio },
  { key: 'avgSubsidy', header: '人均补贴', unit: '元', format: 'yuan', value: (r) => r.avgSubsidy },
  { key: 'rankChange', header: '名次变化', format: 'change', value: (r) => r.rankChange },
];

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
