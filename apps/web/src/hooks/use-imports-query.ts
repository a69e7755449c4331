import type { ImportRecord } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export const IMPORTS_KEY = ['imports'] as const;

/** The uploads within one's scope, newest first: dry runs, refused files, applied and reverted imports. */
export function useImportsQuery() {
  return useQuery({
    queryKey: IMPORTS_KEY,
    queryFn: () => fetchJson<{ imports: ImportRecord[] }>('/api/imports'),
  });
}
