import type { RoundList } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export const REALLOCATIONS_KEY = ['reallocations'] as const;

export function useReallocationsQuery() {
  return useQuery({ queryKey: REALLOCATIONS_KEY, queryFn: () => fetchJson<RoundList>('/api/reallocations') });
}
