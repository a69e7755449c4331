import { formatMonthLabel, type Note, type Region } from '@dispatch/core';
import { useNotesQuery } from '../hooks/use-notes-query.ts';
import { usePeriod } from '../hooks/use-period.ts';
import { AddNote } from './AddNote.tsx';
import { NoteList } from './NoteList.tsx';
import { Status } from './Status.tsx';

/** A region's notes month by month, up to the month shown (newest first); that month is always listed, to add one. */
export function RegionNotes({ region }: { region: Region }) {
  const { period } = usePeriod();
  const notes = useNotesQuery({ regionCode: region.code });
  const year = period.slice(0, 4);
  const byMonth = new Map<string, Note[]>([[period, []]]);
  for (const note of notes.data?.notes ?? []) {
    if (note.period.startsWith(year) && note.period <= period) byMonth.set(note.period, [...(byMonth.get(note.period) ?? []), note]);
  }
  const months = [...byMonth.keys()].sort().reverse();
  return (
    <section className="card region-notes" aria-labelledby="region-notes-title">
      <h2 id="region-notes-title">情况说明 <small className="muted">逐月</small></h2>
      <Status query={notes}>
        <dl className="note-months">
          {months.map((month) => (
            <div key={month} className="note-month" data-period={month}>
              <dt>{formatMonthLabel(month)}</dt>
              <dd>
                {byMonth.get(month)!.length > 0 ? <NoteList notes={byMonth.get(month)!} /> : <p className="muted">本月尚无说明。</p>}
                {month === period && <AddNote period={period} regions={[region]} />}
              </dd>
            </div>
          ))}
        </dl>
      </Status>
    </section>
  );
}
