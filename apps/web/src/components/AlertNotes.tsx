import type { Alert, Note, Region } from '@dispatch/core';
import { AddNote } from './AddNote.tsx';
import { NoteList } from './NoteList.tsx';

/** Beside an alerted region: its notes for the month, marked 说明, or a way to add one for those who may. */
export function AlertNotes({ alert, notes }: { alert: Alert; notes: readonly Note[] | undefined }) {
  const region: Region = { code: alert.regionCode, name: alert.regionName, shortName: alert.regionName, level: alert.level, parentCode: alert.parentCode };
  if (notes && notes.length > 0) {
    return (
      <div className="alert-notes">
        <span className="note-tag" aria-label="情况说明">说明</span>
        <NoteList notes={notes} />
      </div>
    );
  }
  return <AddNote period={alert.period} regions={[region]} buttonLabel="＋说明" />;
}
