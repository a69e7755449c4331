import { formatBeijingDateTime, formatPeriodLabel, type IssuedBulletin } from '@dispatch/core';

const FILES = [['pdf', 'PDF'], ['docx', 'Word'], ['xlsx', 'Excel']] as const;

/**
 * The issued bulletins, newest first: month, 第N期 and version, who issued it and when, the start of each file's
 * SHA-256 (in full on hover, to compare a copy with), and the files as issued.
 */
export function BulletinArchive({ bulletins }: { bulletins: readonly IssuedBulletin[] }) {
  return (
    <section className="bulletin-archive no-print" aria-labelledby="bulletin-archive-title">
      <h2 id="bulletin-archive-title">已印发的通报</h2>
      {bulletins.length === 0 ? (
        <p className="muted">尚未印发通报。</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <thead>
              <tr><th>月份</th><th>期数</th><th>版本</th><th>印发人</th><th>印发时间</th><th>SHA-256（PDF）</th><th>文件</th></tr>
            </thead>
            <tbody>
              {bulletins.map((b) => (
                <tr key={b.id} data-bulletin={b.id}>
                  <td>{formatPeriodLabel(b.period)}</td>
                  <td>第{b.number}期{b.version > 1 ? '（更正）' : ''}</td>
                  <td>第 {b.version} 版{b.latest ? '' : <span className="muted">（已更正）</span>}</td>
                  <td>{b.issuedBy}</td>
                  <td>{formatBeijingDateTime(b.issuedAt)}</td>
                  <td><code title={`PDF ${b.sha256.pdf}\nWord ${b.sha256.docx}\nExcel ${b.sha256.xlsx}`}>{b.sha256.pdf.slice(0, 12)}…</code></td>
                  <td className="bulletin-archive-files">
                    {FILES.map(([format, label]) => (
                      <a key={format} href={`/api/bulletins/${b.id}.${format}`} download aria-label={`下载第${b.number}期第 ${b.version} 版 ${label}`}>{label}</a>
                    ))}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
