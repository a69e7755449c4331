import { formatBeijingDateTime, formatCount, type ImportRecord } from '@dispatch/core';
import { useState } from 'react';
import { IMPORT_STATUS_LABELS, KIND_LABELS, shortSha } from '../../import-report.ts';
import { useImportsQuery } from '../../hooks/use-imports-query.ts';
import { Status } from '../Status.tsx';
import { RevertDialog } from './RevertDialog.tsx';

/**
 * 导入记录: every upload within one's scope, newest first; dry runs only when asked for — each by its number
 * (第72号, as the revert's messages name it). A table on an office screen, one card per upload on a phone (each
 * cell names its column).
 */
export function ImportHistory() {
  const imports = useImportsQuery();
  const [withChecks, setWithChecks] = useState(false);
  const [reverting, setReverting] = useState<ImportRecord | null>(null);
  const [reverted, setReverted] = useState<ImportRecord | null>(null);
  const records = imports.data?.imports.filter((r) => withChecks || r.status !== 'checked');
  return (
    <section className="card" aria-labelledby="import-history-title">
      <h2 id="import-history-title">导入记录</h2>
      <label className="small">
        <input type="checkbox" checked={withChecks} onChange={(e) => setWithChecks(e.target.checked)} /> 显示试导入
      </label>
      {reverted && (
        <p className="success import-reverted" role="status">
          已撤销{importNumber(reverted.id)}导入「{reverted.fileName}」：导入前的数据已恢复，各页面的数据已更新。
        </p>
      )}
      <Status query={imports} empty={records?.length === 0 && '还没有导入记录。'}>
        <table className="ranking import-history">
          <thead>
            <tr>
              {['编号', '时间', '操作人', '类别', '文件', '状态', '数据行', '新增 / 更新 / 不变', 'SHA-256', '操作'].map((h) => <th key={h} scope="col" className={HEADER_CLASSES[h]}>{h}</th>)}
            </tr>
          </thead>
          <tbody>
            {records?.map((r) => <HistoryRow key={r.id} record={r} onRevert={() => setReverting(r)} />)}
          </tbody>
        </table>
      </Status>
      {reverting && <RevertDialog record={reverting} onClose={() => setReverting(null)} onReverted={setReverted} />}
    </section>
  );
}

/** The columns whose width is set (imports.css): the number and the time kept on one line, the file name given room. */
const HEADER_CLASSES: Record<string, string> = { 编号: 'import-no', 时间: 'imported-at', 文件: 'file-name', 状态: 'import-status' };

/** 「第72号」: an upload's number as the history shows it and the revert's messages name it. */
export const importNumber = (id: number) => `第${id}号`;

function HistoryRow({ record: r, onRevert }: { record: ImportRecord; onRevert: () => void }) {
  return (
    <tr className={`status-${r.status}`}>
      <td data-label="编号" className="import-no">{importNumber(r.id)}</td>
      <td data-label="时间" className="imported-at">{formatBeijingDateTime(r.importedAt)}</td>
      <td data-label="操作人">{r.importedBy.name}</td>
      <td data-label="类别">{KIND_LABELS[r.kind]}</td>
      <td data-label="文件" className="file-name">{r.fileName}</td>
      <td data-label="状态" className="import-status">
        {IMPORT_STATUS_LABELS[r.status]}
        {r.status === 'refused' && <span className="muted">（{formatCount(r.errors)} 个问题）</span>}
        {r.revertedAt && r.revertedBy && <span className="small muted reverted-by"> {r.revertedBy.name} 于 {formatBeijingDateTime(r.revertedAt)}</span>}
      </td>
      <td data-label="数据行" className="num">{formatCount(r.rows)}</td>
      <td data-label="新增 / 更新 / 不变" className="num">{r.status === 'refused' ? '—' : `${formatCount(r.inserted)} / ${formatCount(r.updated)} / ${formatCount(r.unchanged)}`}</td>
      <td data-label="SHA-256"><code title={r.sha256}>{shortSha(r.sha256)}</code></td>
      <td data-label="操作" className="actions">
        <a className="report-link" href={`/api/imports/${r.id}/report.xlsx`} download aria-label={`下载报告：${r.fileName}`}>下载报告</a>
        {r.status === 'applied' && <button type="button" className="link-button danger" onClick={onRevert} aria-label={`撤销：${r.fileName}`}>撤销…</button>}
      </td>
    </tr>
  );
}
