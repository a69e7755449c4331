import type { NoteList, NotesQuery } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

/** Every notes query starts with this key, so that a write refreshes them all. */
export const NOTES_KEY = ['notes'] as const;

/** Notes on the numbers, as filtered (a region, a month, a city with its counties); `null` asks nothing. */
export function useNotesQuery(params: NotesQuery | null) {
  return useQuery({
    queryKey: [...NOTES_KEY, 'list', params],
    queryFn: () => {
      const search = new URLSearchParams();
      for (const [key, value] of Object.entries(params!)) if (value) search.set(key, String(value));
      return fetchJson<NoteList>(`/api/notes?${search}`);
    },
    enabled: params !== null,
    staleTime: 30_000,
  });
}
