import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { invalidateData } from './invalidate-data.ts';

/** A reverted import restores the data as it was before it: every figure on every screen is asked for again. */
export function useRevertImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => postJson<unknown>(`/api/imports/${id}/revert`, {}),
    onSuccess: () => invalidateData(queryClient),
  });
}
