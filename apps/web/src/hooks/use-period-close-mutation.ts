import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';

/** 关账 or 重新开账 of a month: its freshness (which carries the close) is asked for again. */
export function usePeriodCloseMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ period, step }: { period: string; step: 'close' | 'reopen' }) => postJson<unknown>(`/api/periods/${period}/${step}`, {}),
    onSuccess: (_answer, { period }) => queryClient.invalidateQueries({ queryKey: ['freshness', period] }),
  });
}
