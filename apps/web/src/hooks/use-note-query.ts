import type { Note } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import { NOTES_KEY } from './use-notes-query.ts';

/** One note with every text it has had (its history), asked only when shown. */
export function useNoteQuery(id: number, enabled: boolean) {
  return useQuery({
    queryKey: [...NOTES_KEY, 'one', id],
    queryFn: () => fetchJson<Note>(`/api/notes/${id}`),
    enabled,
  });
}
