import type { FundRow } from '@dispatch/core';
import { useMemo } from 'react';
import { FUND_SORT_KEYS, sortFundRows, type FundSort } from '../funds-table.ts';
import { useSortParams } from './use-sort-params.ts';

/** The funds table's sort in the address (`?sort=gap&order=desc`): by gap, largest first, by default. */
export function useFundSort(rows: readonly FundRow[] | undefined) {
  const { sort, setSort } = useSortParams(FUND_SORT_KEYS, 'gap', () => 'desc');
  const sorted = useMemo(() => (rows ? sortFundRows(rows, { key: sort.key, order: sort.order }) : undefined), [rows, sort.key, sort.order]);
  return { sort: sort as FundSort, sorted, setSort };
}
