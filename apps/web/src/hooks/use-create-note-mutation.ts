import type { NewNote, Note } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { postJson } from '../api/fetch-json.ts';
import { NOTES_KEY } from './use-notes-query.ts';

export function useCreateNoteMutation(onDone?: (note: Note) => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (note: NewNote) => postJson<Note>('/api/notes', note),
    onSuccess: (note) => {
      void queryClient.invalidateQueries({ queryKey: NOTES_KEY });
      onDone?.(note);
    },
  });
}
