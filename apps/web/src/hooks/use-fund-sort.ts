import type { FundRow } from '@dispatch/core';
import { useMemo } from 'react';
import { useSearchParams } from 'wouter';
import { FUND_SORT_KEYS, sortFundRows, type FundSort, type FundSortKey } from '../funds-table.ts';

/** The funds table's sort in the address (`?sort=gap&order=desc`): by gap, largest first, by default. */
export function useFundSort(rows: readonly FundRow[] | undefined) {
  const [params, setParams] = useSearchParams();
  const asked = params.get('sort') as FundSortKey | null;
  const key = asked && FUND_SORT_KEYS.includes(asked) ? asked : 'gap';
  const sort: FundSort = { key, order: params.get('order') === 'asc' ? 'asc' : 'desc' };
  const sorted = useMemo(() => (rows ? sortFundRows(rows, { key: sort.key, order: sort.order }) : undefined), [rows, sort.key, sort.order]);
  const setSort = (next: FundSort) =>
    setParams((current) => {
      const updated = new URLSearchParams(current);
      updated.set('sort', next.key);
      updated.set('order', next.order);
      return updated;
    });
  return { sort, sorted, setSort };
}
