import {
  defaultSortOrder, displayCell, LAG_LABELS, lagLevel, RANKING_COLUMNS, shortRegionName, type MetricRow, type RankingColumnKey, type SortOrder,
} from '@dispatch/core';
import { useId } from 'react';
import { Link } from 'wouter';

export interface SortState {
  key: RankingColumnKey;
  order: SortOrder;
}

interface Props {
  rows: readonly MetricRow[];
  caption: string;
  sort?: SortState;
  onSort?: (sort: SortState) => void;
  /** where a region's name links to; undefined for no link */
  linkOf?: (row: MetricRow) => string | undefined;
}

/** The ranking as officials read it: the shared columns, behind-the-time-line rows marked, sortable headers. */
export function RankingTable({ rows, caption, sort, onSort, linkOf }: Props) {
  const noteId = useId();
  const toggle = (key: RankingColumnKey) => {
    if (!onSort) return;
    const order = sort?.key === key ? (sort.order === 'asc' ? 'desc' : 'asc') : defaultSortOrder(key);
    onSort({ key, order });
  };
  return (
    <>
    <div className="table-wrap">
      <table className="ranking sticky-name" aria-describedby={noteId}>
        <thead>
          <tr>
            {RANKING_COLUMNS.map((column) => {
              const active = sort?.key === column.key;
              return (
                <th
                  key={column.key}
                  scope="col"
                  className={column.format === 'name' || column.format === 'change' ? undefined : 'num'}
                  aria-sort={active ? (sort.order === 'asc' ? 'ascending' : 'descending') : undefined}
                >
                  {onSort ? (
                    <button type="button" className="sort" onClick={() => toggle(column.key)}>
                      {column.header}
                      {column.unit && <small>（{column.unit}）</small>}
                      <span className="sort-mark">{active ? (sort.order === 'asc' ? '▲' : '▼') : ''}</span>
                    </button>
                  ) : (
                    <>
                      {column.header}
                      {column.unit && <small>（{column.unit}）</small>}
                    </>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const level = lagLevel(row.lag);
            return (
              <tr key={row.code} className={`lag-${level}`} data-code={row.code}>
                {RANKING_COLUMNS.map((column) => {
                  if (column.key === 'name') {
                    const name = shortRegionName(row.name, row.level);
                    const href = linkOf?.(row);
                    return (
                      <th key={column.key} scope="row" title={row.name}>
                        {href ? <Link href={href}>{name}</Link> : name}
                        {LAG_LABELS[level] && <span className={`tag tag-${level}`}>{LAG_LABELS[level]}</span>}
                      </th>
                    );
                  }
                  const value = column.value(row);
                  const change = column.format === 'change' && typeof value === 'number' ? (value > 0 ? 'up' : value < 0 ? 'down' : 'muted') : undefined;
                  return (
                    <td key={column.key} className={[column.format === 'change' ? undefined : 'num', change].filter(Boolean).join(' ') || undefined}>
                      {displayCell(column, row).text}
                    </td>
                  );
                })}
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
