import { formatBeijingDateTime } from '@dispatch/core';
import { useNoteQuery } from '../hooks/use-note-query.ts';
import { Status } from './Status.tsx';

/** Every text a note has had, newest first, with who wrote it and when. */
export function NoteHistory({ id }: { id: number }) {
  const note = useNoteQuery(id, true);
  const versions = [...(note.data?.history ?? [])].reverse();
  return (
    <Status query={note}>
      <ol className="note-history" aria-label="修改记录">
        {versions.map((v) => (
          <li key={v.version}>
            <span className="muted">第 {v.version} 版 · {v.editor.name} · {formatBeijingDateTime(v.at)}</span>
            <p>{v.text}</p>
          </li>
        ))}
      </ol>
    </Status>
  );
}
