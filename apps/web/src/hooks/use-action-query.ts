import type { ActionThread } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export const actionKey = (id: number) => ['action', id] as const;

/** One action's thread: the requirement, the frozen alert, every step. */
export function useActionQuery(id: number) {
  return useQuery({ queryKey: actionKey(id), queryFn: () => fetchJson<ActionThread>(`/api/actions/${id}`), enabled: Number.isInteger(id) && id > 0 });
}
