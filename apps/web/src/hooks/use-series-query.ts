import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import type { SeriesResponse } from '../api/types.ts';

export function useSeriesQuery(code: string, year: number) {
  return useQuery({
    queryKey: ['series', { code, year }],
    queryFn: () => fetchJson<SeriesResponse>(`/api/regions/${code}/series?year=${year}`),
    staleTime: 60_000,
  });
}
