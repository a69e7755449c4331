import type { ActionThread, NewAction } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { actionKey } from './use-action-query.ts';

/** Opens an action; the lists and the to-do are asked for again. */
export function useOpenActionMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: NewAction) => postJson<ActionThread>('/api/actions', action),
    onSuccess: (thread) => {
      queryClient.setQueryData(actionKey(thread.id), thread);
      void queryClient.invalidateQueries({ predicate: (query) => ['actions', 'tasks'].includes(String(query.queryKey[0])) });
    },
  });
}
