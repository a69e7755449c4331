import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import type { ClassesResponse } from '../api/types.ts';

export interface ClassesParams {
  code: string;
  period: string;
  basis: 'finished' | 'opened' | 'audited';
  scope: 'ytd' | 'month';
  q: string;
  page: number;
}

export function useClassesQuery(params: ClassesParams) {
  return useQuery({
    queryKey: ['classes', params],
    queryFn: () => {
      const { code, ...rest } = params;
      const search = new URLSearchParams({ ...rest, page: String(rest.page), pageSize: '20' });
      if (!rest.q) search.delete('q');
      return fetchJson<ClassesResponse>(`/api/regions/${code}/classes?${search}`);
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
