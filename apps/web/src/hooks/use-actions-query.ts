import type { ActionList, ActionListQuery } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** Supervision actions within one's scope, as filtered. */
export function useActionsQuery(params: ActionListQuery) {
  const search = new URLSearchParams(Object.entries(params).filter((entry): entry is [string, string] => Boolean(entry[1])));
  return useQuery({
    queryKey: ['actions', params],
    queryFn: () => fetchJson<ActionList>(`/api/actions?${search}`),
    placeholderData: keepPreviousData,
  });
}
