import type { AuditPage } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** @param search the audit filters and page as query parameters */
export function useAuditQuery(search: URLSearchParams, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', search.toString()],
    queryFn: () => fetchJson<AuditPage>(`/api/audit?${search}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}
