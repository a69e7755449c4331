import type { Note, NotesQuery } from '@dispatch/core';
import { useMemo } from 'react';
import { useNotesQuery } from './use-notes-query.ts';

/** The notes asked for, by region code (empty until loaded: a screen shows its numbers without waiting for notes). */
export function useNotesByRegion(params: NotesQuery): ReadonlyMap<string, Note[]> {
  const notes = useNotesQuery(params).data?.notes;
  return useMemo(() => {
    const map = new Map<string, Note[]>();
    for (const note of notes ?? []) map.set(note.regionCode, [...(map.get(note.regionCode) ?? []), note]);
    return map;
  }, [notes]);
}
