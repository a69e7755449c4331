import { defaultSortOrder, displayCell, rankingColumns, shortRegionName, type Alert, type MetricRow, type RankingColumn, type RankingColumnKey, type RegionLevel, type SortOrder } from '@dispatch/core';
import { Fragment, useId, type ReactNode } from 'react';
import { Link } from 'wouter';
import { arrivalText, arrivalTitle, NOT_SHOWN_WHEN_MISSING, type ArrivalMark } from '../arrival-marks.ts';
import { AlertBadge } from './AlertBadge.tsx';

export interface SortState {
  key: RankingColumnKey;
  order: SortOrder;
}

interface Props {
  level: RegionLevel;
  rows: readonly MetricRow[];
  caption: string;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  /** where a region's name links to; undefined for no link */
  linkOf?: (row: MetricRow) => string | undefined;
  /** the month's alerts by region: a badge beside the name, the row tinted by the worst */
  alerts?: ReadonlyMap<string, Alert[]>;
  /** something to do about a row (a province post's 督导 button), after its name and badge */
  rowAction?: (row: MetricRow) => ReactNode;
  /** the month's 未报送 marks by region (useArrivalMarks): a missing month shows no rank or ratio, a partial one says so */
  arrivals?: ReadonlyMap<string, ArrivalMark>;
}

/** Right-aligned numbers, left-aligned words; a class per column for the phone's compact view. */
const cellClass = (column: RankingColumn, extra?: string) =>
  [`col-${column.key}`, column.format === 'name' || column.format === 'change' ? undefined : 'num', extra].filter(Boolean).join(' ');

/** The ranking as officials read it: the shared columns, rows with alerts marked, sortable headers. */
export function RankingTable({ level, rows, caption, sort, onSort, linkOf, alerts, rowAction, arrivals }: Props) {
  const noteId = useId();
  const columns = rankingColumns(level);
  return (
    <>
      <div className={rows.length > 20 ? 'table-wrap long' : 'table-wrap'}>
        <table className="ranking sticky-name phone-compact" aria-describedby={noteId}>
          <thead>
            <tr>{columns.map((column) => <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />)}</tr>
          </thead>
          <tbody>
            {rows.map((row) => {
              const rowAlerts = alerts?.get(row.code);
              const arrival = arrivals?.get(row.code);
              const className = [rowAlerts?.[0] && `alert-row-${rowAlerts[0].severity}`, arrival?.state === 'missing' && 'not-arrived'].filter(Boolean).join(' ') || undefined;
              return (
                <tr key={row.code} className={className} data-code={row.code}>
                  {columns.map((column) => <BodyCell key={column.key} column={column} row={row} alerts={rowAlerts} arrival={arrival} href={column.key === 'name' ? linkOf?.(row) : undefined} action={column.key === 'name' ? rowAction?.(row) : undefined} />)}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {/* Under the table, not in its scrolling box: on a phone it stays on screen. */}
      <p className="table-note" id={noteId}>{caption}</p>
    </>
  );
}

/**
 * A row's cell: the region's name with its alert badge (and 部分未报送 for a city partly arrived), or the column's
 * text as core's display model writes it — but for a region whose month has not arrived, 未报送 in place of its rank
 * and 「—」 in place of its ratios (a missing month is not zero progress).
 */
function BodyCell({ column, row, alerts, arrival, href, action }: { column: RankingColumn; row: MetricRow; alerts?: Alert[]; arrival?: ArrivalMark; href?: string; action?: ReactNode }) {
  if (column.key === 'name') {
    const name = shortRegionName(row.name, row.level);
    return (
      <th scope="row" className={cellClass(column)} title={row.name}>
        {href ? <Link href={href}>{name}</Link> : name}
        <AlertBadge alerts={alerts} />
        {arrival?.state === 'partial' && <ArrivalTag mark={arrival} />}
        {action}
      </th>
    );
  }
  if (arrival?.state === 'missing' && NOT_SHOWN_WHEN_MISSING.has(column.key)) {
    return <td className={cellClass(column, 'muted')}>{column.key === 'rank' ? <ArrivalTag mark={arrival} /> : '—'}</td>;
  }
  const value = column.value(row);
  const change = column.format === 'change' && typeof value === 'number' ? (value > 0 ? 'up' : value < 0 ? 'down' : 'muted') : undefined;
  return <td className={cellClass(column, change)}>{displayCell(column, row).text}</td>;
}

/** 未报送 / 部分未报送, its title saying what the figures are. */
export function ArrivalTag({ mark }: { mark: ArrivalMark }) {
  return <span className={`arrival-tag ${mark.state}`} title={arrivalTitle(mark)}>{arrivalText(mark)}</span>;
}

/** Where a long header may break between its words, besides before its unit (headers break only between words). */
const HEADER_WORDS: Partial<Record<RankingColumnKey, readonly string[]>> = {
  completionChange: ['完成比例', '较上月'],
  monthCompletion: ['当月', '完成比例'],
};

/** A header's words, a break allowed between them, the last character glued to what follows it. */
function headerWords(column: RankingColumn, tail: ReactNode) {
  const words = HEADER_WORDS[column.key]?.join('') === column.header ? HEADER_WORDS[column.key]! : [column.header];
  const last = [...words.at(-1)!];
  return (
    <>
      {words.slice(0, -1).map((word) => <Fragment key={word}>{word}<wbr /></Fragment>)}
      {last.slice(0, -1).join('')}
      <span className="nowrap">{last.at(-1)}{tail}</span>
    </>
  );
}

/**
 * A header's words and unit, the unit free to go under the words (headers break only between words: styles.css),
 * the sort mark glued to the last character or inside the unit, so that a narrow column never puts the mark, or a
 * lone character, on a line of its own.
 */
function HeaderCell({ column, sort, onSort }: { column: RankingColumn; sort?: SortState; onSort?: (sort: SortState) => void }) {
  const active = sort?.key === column.key;
  const mark = onSort && <span className="sort-mark">{active ? (sort.order === 'asc' ? '▲' : '▼') : ''}</span>;
  const label = column.unit ? (
    <>
      {headerWords(column, null)}
      <wbr />
      <small>（{column.unit}）{mark}</small>
    </>
  ) : (
    headerWords(column, mark)
  );
  const toggle = () => onSort?.({ key: column.key, order: active ? (sort.order === 'asc' ? 'desc' : 'asc') : defaultSortOrder(column.key) });
  return (
    <th scope="col" className={cellClass(column)} aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}>
      {onSort ? (
        <button type="button" className="sort" onClick={toggle}>
          {label}
        </button>
      ) : (
        label
      )}
    </th>
  );
}
