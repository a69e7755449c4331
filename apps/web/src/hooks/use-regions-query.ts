import { useQuery } from '@tanstack/react-query';
import type { Region } from '@dispatch/core';
import { fetchJson } from '../api/fetch-json.ts';

export function useRegionsQuery() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: async () => (await fetchJson<{ regions: Region[] }>('/api/regions')).regions,
    staleTime: Infinity,
  });
}
