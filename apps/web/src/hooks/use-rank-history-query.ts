import type { RankHistory } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** Ranks month by month, January to `period`: the 14 cities, the 122 counties, or one city's counties among themselves. */
export function useRankHistoryQuery(period: string, level: 'city' | 'county', parent?: string) {
  return useQuery({
    queryKey: ['ranks', { period, level, parent }],
    queryFn: () => {
      const search = new URLSearchParams({ period, level });
      if (parent) search.set('parent', parent);
      return fetchJson<RankHistory>(`/api/metrics/ranks?${search}`);
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
