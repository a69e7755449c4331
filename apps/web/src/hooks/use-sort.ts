import { defaultSortOrder, RANKING_COLUMN_KEYS, sortMetricRows, type MetricRow, type RankingColumnKey } from '@dispatch/core';
import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import type { SortState } from '../components/RankingTable.tsx';

/** The ranking's sort in the address (`?sort=trainees&order=desc`): rank order by default, a column's natural direction without `order`. */
export function useSort(rows: readonly MetricRow[] | undefined) {
  const [params, setParams] = useSearchParams();
  const key = (RANKING_COLUMN_KEYS as string[]).includes(params.get('sort') ?? '') ? (params.get('sort') as RankingColumnKey) : 'rank';
  const orderParam = params.get('order');
  const sort: SortState = { key, order: orderParam === 'asc' || orderParam === 'desc' ? orderParam : defaultSortOrder(key) };
  const sorted = useMemo(() => (rows ? sortMetricRows(rows, sort.key, sort.order) : undefined), [rows, sort.key, sort.order]);
  const setSort = (next: SortState) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('sort', next.key);
      updated.set('order', next.order);
      return updated;
    });
  return { sort, sorted, setSort };
}
