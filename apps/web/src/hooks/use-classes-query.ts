import { CLASS_PAGE_SIZE, type ClassBasis, type ClassList, type ClassScope } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export interface ClassesParams {
  code: string;
  period: string;
  basis: ClassBasis;
  scope: ClassScope;
  q: string;
  page: number;
}

export function useClassesQuery({ code, period, basis, scope, q, page }: ClassesParams) {
  return useQuery({
    queryKey: ['classes', { code, period, basis, scope, q, page }],
    queryFn: () => {
      const search = new URLSearchParams({ period, basis, scope, page: String(page), pageSize: String(CLASS_PAGE_SIZE) });
      if (q) search.set('q', q);
      return fetchJson<ClassList>(`/api/regions/${code}/classes?${search}`);
    },
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
}
