import { formatBeijingDateTime, type Note } from '@dispatch/core';
import { useEffect, useRef, useState } from 'react';
import { useAccess } from '../auth/signed-in.ts';
import { useEditNoteMutation } from '../hooks/use-edit-note-mutation.ts';
import { NoteForm } from './NoteForm.tsx';
import { NoteHistory } from './NoteHistory.tsx';

/** A note: its text, who wrote it and when (and when last changed); 已修改 opens its history; its author may change it. */
export function NoteItem({ note }: { note: Note }) {
  const access = useAccess();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const edit = useEditNoteMutation(note.id, () => setEditing(false));
  const mine = note.author.login === access.user.login && access.can('write:supervision', note.regionCode);
  // Back from the form, the keyboard continues from 修改.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(false);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);
  if (editing) {
    return (
      <li className="note" data-note={note.id}>
        <NoteForm
          initial={note.text}
          label="修改情况说明"
          pending={edit.isPending}
          error={edit.error}
          onCancel={() => {
            setEditing(false);
            edit.reset();
          }}
          onSave={(text) => edit.mutate({ text, version: note.version })}
        />
      </li>
    );
  }
  return (
    <li className="note" data-note={note.id}>
      <p className="note-text">{note.text}</p>
      <p className="note-meta muted">
        {note.author.name} · {formatBeijingDateTime(note.createdAt)}
        {note.edited && (
          <>
            <button type="button" className="note-edited" aria-expanded={history} onClick={() => setHistory(!history)}>
              已修改{history ? '（收起记录）' : ''}
            </button>
            <time className="note-updated" dateTime={note.updatedAt}>修改于 {formatBeijingDateTime(note.updatedAt)}</time>
          </>
        )}
        {mine && <button ref={editButton} type="button" className="note-action" onClick={() => setEditing(true)}>修改</button>}
      </p>
      {history && <NoteHistory id={note.id} />}
    </li>
  );
}
