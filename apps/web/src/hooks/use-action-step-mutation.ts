import type { ActionAnswer, ActionEvent, ActionReturn, ActionThread } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ApiError, postJson } from '../api/fetch-json.ts';
import { actionKey } from './use-action-query.ts';

export type ActionStepBody =
  | { event: 'answer'; body: ActionAnswer }
  | { event: 'return'; body: ActionReturn }
  | { event: 'accept'; body: { version?: number } };

/**
 * A step on an action (answer, accept, return), sent with the version on screen. The thread comes back in the
 * answer; a 409 (someone else stepped first, or the state moved) asks for the thread again so the page shows it.
 */
export function useActionStepMutation(id: number) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ event, body }: ActionStepBody) => postJson<ActionThread>(`/api/actions/${id}/${event satisfies ActionEvent}`, body),
    onSuccess: (thread) => {
      queryClient.setQueryData(actionKey(id), thread);
      void queryClient.invalidateQueries({ predicate: (query) => ['actions', 'tasks'].includes(String(query.queryKey[0])) });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.status === 409) {
        void queryClient.invalidateQueries({ predicate: (query) => ['action', 'actions', 'tasks'].includes(String(query.queryKey[0])) });
      }
    },
  });
}

export type ActionStepMutation = ReturnType<typeof useActionStepMutation>;
