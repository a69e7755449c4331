import type { Freshness } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** Per region, when the month's data last arrived, and whether the month is closed (关账). */
export function useFreshnessQuery(period: string, enabled = true) {
  return useQuery({
    queryKey: ['freshness', period],
    queryFn: () => fetchJson<Freshness>(`/api/freshness?period=${encodeURIComponent(period)}`),
    enabled,
    staleTime: 60_000,
  });
}
