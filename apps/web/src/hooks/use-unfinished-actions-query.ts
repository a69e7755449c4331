import type { Action, ActionList } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/**
 * A region's actions not yet closed (any kind, any month), oldest due first as the API lists them: what the
 * open-action dialog warns of before a second one is opened. Keyed like the actions list, so opening or stepping
 * an action asks for it again.
 */
export function useUnfinishedActionsQuery(regionCode: string) {
  return useQuery({
    queryKey: ['actions', { regionCode }],
    queryFn: () => fetchJson<ActionList>(`/api/actions?${new URLSearchParams({ regionCode })}`),
    select: (list): Action[] => list.actions.filter((action) => action.state !== 'closed'),
  });
}
