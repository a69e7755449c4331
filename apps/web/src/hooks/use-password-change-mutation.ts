import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useLocation } from 'wouter';
import { postJson } from '../api/fetch-json.ts';
import { setSignedIn } from '../auth/use-me-query.ts';

/** Changing one's password ends every session, this one too: on success, sign in again. */
export function usePasswordChangeMutation() {
  const queryClient = useQueryClient();
  const [, navigate] = useLocation();
  return useMutation({
    mutationFn: (body: { currentPassword: string; newPassword: string }) => postJson('/api/auth/password', body),
    onSuccess: () => {
      navigate('/login');
      setSignedIn(queryClient, null);
    },
  });
}
