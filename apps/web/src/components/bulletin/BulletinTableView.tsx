import type { BulletinTable } from '@dispatch/core';

/**
 * A table of the bulletin as a paper document sets it: its title above, each column's unit under its name, figures
 * right-aligned, the rows the text talks about in bold, the total last, notes under it. On a narrow screen it
 * scrolls inside its own box; printed, its header row repeats on every page.
 */
export function BulletinTableView({ table, showTitle = true }: { table: BulletinTable; showTitle?: boolean }) {
  const total = table.columns.reduce((sum, column) => sum + column.width, 0);
  return (
    <figure className="bulletin-table">
      {showTitle && <figcaption className="bulletin-table-title">{table.title}</figcaption>}
      <div className="bulletin-table-wrap" role="region" aria-label={table.title} tabIndex={0}>
        <table>
          <colgroup>
            {table.columns.map((column) => <col key={column.key} style={{ width: `${((column.width / total) * 100).toFixed(2)}%` }} />)}
          </colgroup>
          <thead>
            <tr>
              {table.columns.map((column) => (
                <th key={column.key} scope="col" className={`align-${column.align}`}>
                  {column.label}
                  {column.unit && <><wbr /><small>（{column.unit}）</small></>}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row, index) => (
              <tr key={index} className={row.emphasis ? 'emphasis' : undefined}>
                {row.cells.map((cell, i) => <td key={i} className={`align-${table.columns[i]?.align ?? 'left'}`}>{cell}</td>)}
              </tr>
            ))}
            {table.total && (
              <tr className="total">
                {table.total.map((cell, i) => <td key={i} className={`align-${table.columns[i]?.align ?? 'left'}`}>{cell}</td>)}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      {table.notes?.map((note) => <p key={note} className="bulletin-table-note">注：{note}</p>)}
    </figure>
  );
}
