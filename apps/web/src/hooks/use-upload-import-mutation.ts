import type { ImportKind, ImportReport, ImportResult } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { uploadFile } from '../api/upload-file.ts';
import { IMPORTS_KEY } from './use-imports-query.ts';
import { invalidateData } from './invalidate-data.ts';

export interface UploadVariables {
  kind: ImportKind;
  file: File;
  dryRun: boolean;
  onProgress: (fraction: number) => void;
}

/** What an upload answers: a dry run's report, an applied import's counts, or the report of a refused file (422). */
export type UploadOutcome =
  | { type: 'checked'; report: ImportReport }
  | { type: 'applied'; result: ImportResult }
  | { type: 'refused'; report: ImportReport };

/**
 * Sends a file for a dry run or to apply it. An applied import changes the data: every answer computed from it is
 * asked for again (metrics, alerts, freshness, the history).
 */
export function useUploadImportMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ kind, file, dryRun, onProgress }: UploadVariables): Promise<UploadOutcome> => {
      const search = new URLSearchParams({ kind });
      if (dryRun) search.set('dryRun', '1');
      const { status, body } = await uploadFile(`/api/imports?${search}`, file, { onProgress, accept: [422] });
      if (status === 422) return { type: 'refused', report: body as ImportReport };
      return dryRun ? { type: 'checked', report: body as ImportReport } : { type: 'applied', result: body as ImportResult };
    },
    onSuccess: (outcome) => (outcome.type === 'applied' ? invalidateData(queryClient) : queryClient.invalidateQueries({ queryKey: IMPORTS_KEY })),
  });
}
