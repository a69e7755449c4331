import type { Metrics, RegionLevel } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export interface MetricsParams {
  period: string;
  level: RegionLevel;
  parent?: string;
}

export function useMetricsQuery(params: MetricsParams) {
  return useQuery({
    queryKey: ['metrics', params],
    queryFn: () => {
      const search = new URLSearchParams({ period: params.period, level: params.level });
      if (params.parent) search.set('parent', params.parent);
      return fetchJson<Metrics>(`/api/metrics?${search}`);
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
