import type { ReactNode } from 'react';

/** A plain table in its sideways-scrolling box: the header row(s) and the body's rows. */
export function DataTable({ className, head, children }: { className: string; head: ReactNode; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table className={`data-table ${className}`}>
        <thead>{head}</thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
