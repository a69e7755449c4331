import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { postJson } from '../api/fetch-json.ts';
import { setSignedIn } from '../auth/use-me-query.ts';

/** Signs out (or, if the server cannot be reached, forgets the session here) and goes to the sign-in page. */
export function useSignOutMutation() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return useMutation({
    mutationFn: () => postJson('/api/auth/logout', {}),
    onSettled: () => {
      navigate('/login');
      setSignedIn(queryClient, null);
    },
  });
}
