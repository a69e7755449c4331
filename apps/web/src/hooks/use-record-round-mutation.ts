import type { NewRound, ReallocationRound } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { invalidateData } from './invalidate-data.ts';

/** A round changes budgets: every figure on every screen is asked for again. */
export function useRecordRoundMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (round: NewRound) => postJson<ReallocationRound>('/api/reallocations', round),
    onSuccess: () => invalidateData(queryClient),
  });
}
