import { useQuery, type QueryClient } from '@tanstack/react-query';
import { ApiError, fetchJson, setCsrfToken } from '../api/fetch-json.ts';
import type { SignedIn } from '@dispatch/core';

export const ME_KEY = ['me'] as const;

/** Who is signed in: the account and its CSRF token, or null when nobody is (the server said 401). */
export function useMeQuery() {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: async (): Promise<SignedIn | null> => {
      try {
        const me = await fetchJson<SignedIn>('/api/auth/me');
        setCsrfToken(me.csrfToken);
        return me;
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw err;
      }
    },
    staleTime: Infinity,
    retry: false,
  });
}

/**
 * After signing in, out, or changing one's password: nothing of the previous account's answers may show, so every
 * other query is dropped; the `me` query is set in place (dropping it would detach the app's observer).
 */
export function setSignedIn(queryClient: QueryClient, me: SignedIn | null): void {
  setCsrfToken(me?.csrfToken ?? null);
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== ME_KEY[0] });
  queryClient.setQueryData(ME_KEY, me);
}
