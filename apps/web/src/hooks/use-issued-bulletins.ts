import type { IssuedBulletin } from '@dispatch/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { fetchJson, postJson } from '../api/fetch-json.ts';

export const issuedBulletinsKey = ['bulletins'] as const;

/** The archive of issued bulletins, newest first. */
export function useIssuedBulletinsQuery() {
  return useQuery({ queryKey: issuedBulletinsKey, queryFn: async () => (await fetchJson<{ bulletins: IssuedBulletin[] }>('/api/bulletins')).bulletins });
}

/** Issues a month's bulletin (`correct` absent) or corrects an issued one; the archive and the drafts are asked for again. */
export function useIssueBulletinMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, correct }: { period: string; correct?: number }) =>
      correct === undefined ? postJson<IssuedBulletin>('/api/bulletins', { period }) : postJson<IssuedBulletin>(`/api/bulletins/${correct}/correct`, {}),
    // The draft is numbered as issuing it now would be: once issued, it shows the correction's numbers.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: issuedBulletinsKey }), queryClient.invalidateQueries({ queryKey: ['bulletin-draft'] })]),
  });
}
