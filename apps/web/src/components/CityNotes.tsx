import { formatMonthLabel, shortRegionName, type Note, type Region } from '@dispatch/core';
import { Link } from 'wouter';
import { withPeriod } from '../hooks/use-period.ts';
import { useNotesQuery } from '../hooks/use-notes-query.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { AddNote } from './AddNote.tsx';
import { NoteList } from './NoteList.tsx';
import { Status } from './Status.tsx';

/** The month's notes on the city and each of its counties, region by region, in the county table's order. */
export function CityNotes({ city, period }: { city: Region; period: string }) {
  const notes = useNotesQuery({ city: city.code, period });
  const counties = (useRegionsQuery().data ?? []).filter((r) => r.parentCode === city.code);
  const regions = [city, ...counties];
  const byRegion = new Map<string, Note[]>();
  for (const note of notes.data?.notes ?? []) byRegion.set(note.regionCode, [...(byRegion.get(note.regionCode) ?? []), note]);
  const withNotes = regions.filter((r) => byRegion.has(r.code));
  return (
    <section className="card city-notes" aria-labelledby="city-notes-title">
      <div className="page-head">
        <h2 id="city-notes-title">情况说明 <small className="muted">{formatMonthLabel(period)}</small></h2>
      </div>
      <AddNote period={period} regions={regions} />
      <Status query={notes} empty={withNotes.length === 0 && notes.data ? '本月本市及所辖县市区尚无情况说明。' : false}>
        {withNotes.map((region) => (
          <section key={region.code} id={`note-${region.code}`} className="note-group" data-code={region.code}>
            <h3>
              {region.level === 'county'
                ? <Link href={withPeriod(`/region/${region.code}`, period)}>{shortRegionName(region.name, region.level)}</Link>
                : shortRegionName(region.name, region.level)}
            </h3>
            <NoteList notes={byRegion.get(region.code)!} />
          </section>
        ))}
      </Status>
    </section>
  );
}
