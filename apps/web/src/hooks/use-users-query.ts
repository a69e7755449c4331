import type { User } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export const USERS_KEY = ['users'] as const;

/** @param enabled false for anyone who may not manage accounts: nothing is asked. */
export function useUsersQuery(enabled: boolean) {
  return useQuery({
    queryKey: USERS_KEY,
    queryFn: async (): Promise<User[]> => (await fetchJson<{ users: User[] }>('/api/users')).users,
    enabled,
  });
}
