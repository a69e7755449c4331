import type { NewAccount, User } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { USERS_KEY } from './use-users-query.ts';

export function useCreateUserMutation(onCreated: (user: User) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: NewAccount) => postJson<{ user: User }>('/api/users', account),
    onSuccess: ({ user }) => {
      onCreated(user);
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
    },
  });
}
