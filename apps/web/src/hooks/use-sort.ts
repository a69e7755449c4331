import { defaultSortOrder, RANKING_COLUMN_KEYS, sortMetricRows, type MetricRow, type RankingColumnKey } from '@dispatch/core';
import { useMemo } from 'react';
import type { SortState } from '../components/RankingTable.tsx';
import { useSortParams } from './use-sort-params.ts';

/** The ranking's sort in the address (`?sort=trainees&order=desc`): rank order by default, a column's natural direction without `order`. */
export function useSort(rows: readonly MetricRow[] | undefined) {
  const { sort, setSort } = useSortParams<RankingColumnKey>(RANKING_COLUMN_KEYS, 'rank', defaultSortOrder);
  const sorted = useMemo(() => (rows ? sortMetricRows(rows, sort.key, sort.order) : undefined), [rows, sort.key, sort.order]);
  return { sort: sort as SortState, sorted, setSort };
}
