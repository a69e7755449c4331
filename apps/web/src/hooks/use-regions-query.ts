import type { Region, RegionList } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export function useRegionsQuery() {
  return useQuery({
    queryKey: ['regions'],
    queryFn: async (): Promise<Region[]> => (await fetchJson<RegionList>('/api/regions')).regions,
    staleTime: Infinity,
  });
}
