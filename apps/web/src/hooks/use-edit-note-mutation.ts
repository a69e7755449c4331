import type { Note, NoteEdit } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import { NOTES_KEY } from './use-notes-query.ts';

/** Saves a new text from the version shown; a 409 means someone changed it meanwhile (the lists are refreshed). */
export function useEditNoteMutation(id: number, onDone?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (edit: NoteEdit) => fetchJson<Note>(`/api/notes/${id}`, { method: 'PATCH', body: JSON.stringify(edit) }),
    onSuccess: () => onDone?.(),
    onSettled: () => void queryClient.invalidateQueries({ queryKey: NOTES_KEY }),
  });
}
