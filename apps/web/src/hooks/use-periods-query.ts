import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import type { PeriodsResponse } from '../api/types.ts';

export function usePeriodsQuery() {
  return useQuery({
    queryKey: ['periods'],
    queryFn: () => fetchJson<PeriodsResponse>('/api/periods'),
    staleTime: 60_000,
  });
}
