import type { ImportReport } from '@dispatch/core';
import { formatCount } from '@dispatch/core';
import { problemLines } from '../../import-report.ts';

/** The validation report: 行 / 列 / 问题, and the uploaded workbook with the bad cells marked. */
export function ImportProblems({ report }: { report: ImportReport }) {
  const lines = problemLines(report);
  return (
    <section className="import-problems">
      <h3>发现 {formatCount(lines.length)} 个问题</h3>
      {report.id !== undefined && (
        <p><a href={`/api/imports/${report.id}/report.xlsx`} download>下载标注问题的工作簿</a> <span className="small muted">（问题单元格标红并附批注）</span></p>
      )}
      <div className="table-wrap">
        <table className="ranking problems">
          <thead>
            <tr><th scope="col">行</th><th scope="col">列</th><th scope="col">问题</th></tr>
          </thead>
          <tbody>
            {lines.map((line, i) => (
              <tr key={i}><td className="nowrap">{line.row}</td><td>{line.column}</td><td>{line.message}</td></tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
