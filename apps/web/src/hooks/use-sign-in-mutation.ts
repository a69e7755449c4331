import type { SignedIn } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { setSignedIn } from '../auth/use-me-query.ts';

export function useSignInMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (credentials: { login: string; password: string }) => postJson<SignedIn>('/api/auth/login', credentials),
    onSuccess: (me) => setSignedIn(queryClient, me),
  });
}
