import type { AlertSummary, AlertSummaryQuery } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import { alertsSearch } from './use-alerts-query.ts';

/** The month's summary over a scope (a level, a city), the whole province by default. */
export function useAlertSummaryQuery(period: string, scope: Omit<AlertSummaryQuery, 'period'> = {}) {
  const params = { period, ...scope };
  return useQuery({
    queryKey: ['alert-summary', params],
    queryFn: () => fetchJson<AlertSummary>(`/api/alerts/summary?${alertsSearch(params)}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
