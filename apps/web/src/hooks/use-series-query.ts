import type { RegionSeries } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** @param enabled false where the signed-in person may not read this region's detail: nothing is asked. */
export function useSeriesQuery(code: string, year: number, enabled = true) {
  return useQuery({
    queryKey: ['series', { code, year }],
    queryFn: () => fetchJson<RegionSeries>(`/api/regions/${code}/series?year=${year}`),
    staleTime: 60_000,
    enabled,
  });
}
