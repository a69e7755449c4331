import type { ImportReport } from '@dispatch/core';
import { headerLines, previewColumns } from '../../import-report.ts';

/** 表头 → 字段 (an unknown header greyed 「未使用」) and the file's first rows as read. */
export function ImportPreview({ report }: { report: ImportReport }) {
  const columns = previewColumns(report);
  return (
    <div className="import-preview">
      <section>
        <h3>表头对应</h3>
        <ul className="header-map">
          {headerLines(report).map((line, i) => (
            <li key={i} className={line.label === null ? 'unused' : undefined}>
              <span>{line.header}</span> → {line.label === null ? <span className="muted">未使用</span> : <b>{line.label}</b>}
            </li>
          ))}
        </ul>
      </section>
      {report.preview && report.preview.length > 0 && (
        <section>
          <h3>前 {report.preview.length} 行</h3>
          <div className="table-wrap">
            <table className="ranking preview-rows">
              <thead>
                <tr>
                  <th scope="col">行</th>
                  {columns.map((c) => <th key={c.field} scope="col">{c.label}</th>)}
                </tr>
              </thead>
              <tbody>
                {report.preview.map((row) => (
                  <tr key={row.row}>
                    <th scope="row">{row.row}</th>
                    {columns.map((c) => <td key={c.field}>{row.cells[c.field] ?? ''}</td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
    </div>
  );
}
