import type { PeriodList } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export function usePeriodsQuery() {
  return useQuery({
    queryKey: ['periods'],
    queryFn: () => fetchJson<PeriodList>('/api/periods'),
    staleTime: 60_000,
  });
}
