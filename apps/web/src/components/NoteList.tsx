import type { Note } from '@dispatch/core';
import { NoteItem } from './NoteItem.tsx';

export function NoteList({ notes }: { notes: readonly Note[] }) {
  return <ul className="notes">{notes.map((note) => <NoteItem key={note.id} note={note} />)}</ul>;
}
