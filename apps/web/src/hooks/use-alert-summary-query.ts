import type { AlertSummary } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export function useAlertSummaryQuery(period: string) {
  return useQuery({
    queryKey: ['alert-summary', period],
    queryFn: () => fetchJson<AlertSummary>(`/api/alerts/summary?period=${period}`),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
