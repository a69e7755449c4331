import type { BulletinDocument } from '@dispatch/core';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** The draft's address in a format: the document (json) or its files (pdf, docx, xlsx), the province's or a city's extract. */
export function bulletinDraftPath(period: string, format: 'json' | 'pdf' | 'docx' | 'xlsx', city: string | null): string {
  return `/api/bulletins/draft?${new URLSearchParams({ period, format, ...(city ? { city } : {}) })}`;
}

export const bulletinDraftKey = (period: string, city: string | null) => ['bulletin-draft', { period, city }] as const;

/** A month's live draft as a document: the province's bulletin, or a city's extract. */
export function useBulletinDraftQuery(period: string, city: string | null) {
  return useQuery({
    queryKey: bulletinDraftKey(period, city),
    queryFn: () => fetchJson<BulletinDocument>(bulletinDraftPath(period, 'json', city)),
    placeholderData: keepPreviousData,
  });
}
