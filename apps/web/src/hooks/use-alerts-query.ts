import type { AlertList, AlertsQuery } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** The month's alerts, as filtered; `null` asks nothing (a screen that may not show them). */
export function useAlertsQuery(params: AlertsQuery | null) {
  return useQuery({
    queryKey: ['alerts', params],
    queryFn: () => fetchJson<AlertList>(`/api/alerts?${alertsSearch(params!)}`),
    enabled: params !== null,
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}

/** The filters as query parameters, empty ones left out: for the API and the Excel link alike. */
export function alertsSearch(params: AlertsQuery): URLSearchParams {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, String(value));
  return search;
}
