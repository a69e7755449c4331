import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { USERS_KEY } from './use-users-query.ts';

/** An administrator sets another account's password (which ends that account's sessions). */
export function useResetPasswordMutation(login: string, onDone: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (password: string) => postJson(`/api/users/${encodeURIComponent(login)}/password`, { password }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: USERS_KEY });
      onDone();
    },
  });
}
