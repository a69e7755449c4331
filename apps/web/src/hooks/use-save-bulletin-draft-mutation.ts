import type { BulletinDraftEdits, BulletinDraftSave } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** Saves staff's text of a month's draft from the version shown; every view of that month's draft is asked for again. */
export function useSaveBulletinDraftMutation(period: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (save: BulletinDraftSave) =>
      fetchJson<BulletinDraftEdits>(`/api/bulletins/draft/${period}`, { method: 'PUT', body: JSON.stringify(save) }),
    onSuccess: () =>
      queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] === 'bulletin-draft' && (query.queryKey[1] as { period?: string }).period === period }),
  });
}
