import type { RevokedRound } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { invalidateData } from './invalidate-data.ts';

/** A revoked round stops counting in budgets: every figure on every screen is asked for again. */
export function useRevokeRoundMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ round, reason }: { round: number; reason: string }) => postJson<RevokedRound>(`/api/reallocations/${round}/revoke`, { reason }),
    onSuccess: () => invalidateData(queryClient),
  });
}
