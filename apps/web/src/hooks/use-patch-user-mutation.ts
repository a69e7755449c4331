import type { AccountChanges, User } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import { USERS_KEY } from './use-users-query.ts';

export function usePatchUserMutation(login: string, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (changes: AccountChanges) =>
      fetchJson<{ user: User; changed: string[] }>(`/api/users/${encodeURIComponent(login)}`, { method: 'PATCH', body: JSON.stringify(changes) }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onDone?.();
    },
  });
}
