import { beijingDate, bulletinDocumentNumber, formatBeijingDateTime, formatPeriodLabel, nextIssueNumber, type IssuedBulletin } from '@dispatch/core';
import { useState } from 'react';
import { useIssueBulletinMutation } from '../../hooks/use-issued-bulletins.ts';

/** The number the month would get if issued now: one above its year's highest (as the server allocates it). */
function comingNumber(period: string, archive: readonly IssuedBulletin[]) {
  const ofYear = archive.filter((b) => b.period.slice(0, 4) === period.slice(0, 4)).map((b) => b.number);
  const issueNumber = nextIssueNumber(ofYear.length ? Math.max(...ofYear) : null);
  return { issueNumber, documentNumber: bulletinDocumentNumber(beijingDate(new Date()), issueNumber) };
}

/**
 * 印发 for the posts that publish bulletins: a confirmation that says the number the month will get; once issued,
 * what was issued and 发布更正 (a new version of the same issue from the current data), confirmed the same way.
 */
export function BulletinIssue({ period, archive }: { period: string; archive: readonly IssuedBulletin[] }) {
  const [confirming, setConfirming] = useState(false);
  const issue = useIssueBulletinMutation();
  const latest = archive.find((b) => b.period === period && b.latest);
  const label = formatPeriodLabel(period);
  const coming = comingNumber(period, archive);
  const what = latest
    ? `${label}通报第${latest.number}期（更正），第 ${latest.version + 1} 版，文号 ${latest.documentNumber ?? '—'}`
    : `${label}通报第${coming.issueNumber}期，文号 ${coming.documentNumber}，日期为今天`;

  return (
    <div className="bulletin-issue no-print" role="group" aria-label="印发">
      {latest && (
        <span className="muted" role="status">
          已印发第{latest.number}期{latest.version > 1 ? `（第 ${latest.version} 版）` : ''}：{latest.issuedBy} · {formatBeijingDateTime(latest.issuedAt)}
        </span>
      )}
      {!confirming ? (
        <button type="button" className={latest ? '' : 'primary'} onClick={() => { issue.reset(); setConfirming(true); }}>
          {latest ? '发布更正…' : '印发…'}
        </button>
      ) : (
        <div className="bulletin-issue-confirm" role="alertdialog" aria-label={latest ? '确认发布更正' : '确认印发'} onKeyDown={(e) => { if (e.key === 'Escape') setConfirming(false); }}>
          <p>
            将{latest ? '发布' : '印发'}<strong>{what}</strong>。
            由当前数据和已保存的修改生成 PDF、Word、Excel 并存档，此后不再改变{latest ? '；原版本仍保留' : ''}。
          </p>
          <div className="form-buttons">
            <button
              type="button"
              className="primary"
              disabled={issue.isPending}
              onClick={() => issue.mutate({ period, correct: latest?.id }, { onSuccess: () => setConfirming(false) })}
            >
              {issue.isPending ? '正在生成文件…' : latest ? '确认发布更正' : '确认印发'}
            </button>
            <button type="button" className="link-button" onClick={() => setConfirming(false)} disabled={issue.isPending}>取消</button>
          </div>
        </div>
      )}
      {issue.isError && <p className="error" role="alert">{latest ? '发布更正' : '印发'}失败：{issue.error.message}</p>}
    </div>
  );
}
