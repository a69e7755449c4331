import type { TaskList } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export const TASKS_KEY = ['tasks'] as const;

/** What waits for the signed-in person (the top bar's 待办 count and /tasks); asked again every minute. */
export function useTasksQuery(enabled = true) {
  return useQuery({ queryKey: TASKS_KEY, queryFn: () => fetchJson<TaskList>('/api/tasks'), enabled, refetchInterval: 60_000 });
}
