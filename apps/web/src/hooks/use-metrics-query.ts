import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import type { MetricsResponse, RegionLevel } from '../api/types.ts';

export interface MetricsParams {
  period: string;
  level: RegionLevel;
  parent?: string;
}

export function useMetricsQuery(params: MetricsParams | null) {
  return useQuery({
    queryKey: ['metrics', params],
    queryFn: () => {
      const search = new URLSearchParams({ period: params!.period, level: params!.level });
      if (params!.parent) search.set('parent', params!.parent);
      return fetchJson<MetricsResponse>(`/api/metrics?${search}`);
    },
    enabled: params !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
