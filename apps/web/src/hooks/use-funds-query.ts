import type { Funds } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export function useFundsQuery(params: { period: string; level: 'city' | 'county'; parent?: string }) {
  return useQuery({
    queryKey: ['funds', params],
    queryFn: () => {
      const search = new URLSearchParams({ period: params.period, level: params.level });
      if (params.parent) search.set('parent', params.parent);
      return fetchJson<Funds>(`/api/funds?${search}`);
    },
    placeholderData: keepPreviousData,
  });
}
