import { formatBeijingDateTime, formatPeriodLabel, type BulletinDocument, type IssuedBulletin } from '@dispatch/core';
import { useEffect, useRef, useState } from 'react';
import { useIssueBulletinMutation } from '../../hooks/use-issued-bulletins.ts';

/**
 * 印发 for the posts that publish bulletins: a confirmation that says the number the month will get — the draft's own
 * (the server numbers the draft as issuing it now would) — once issued, what was issued and 发布更正 (a new version of
 * the same issue from the current data), confirmed the same way. While the data hold characters the fonts cannot
 * print, the button is disabled and says why. Esc closes the confirmation until the request is sent; then 取消 is
 * gone (the server cannot be stopped) and it says how long to wait.
 */
export function BulletinIssue({ period, archive, draft }: { period: string; archive: readonly IssuedBulletin[]; draft: BulletinDocument }) {
  const [confirming, setConfirming] = useState(false);
  const issue = useIssueBulletinMutation();
  const confirm = useRef<HTMLButtonElement>(null);
  const opener = useRef<HTMLButtonElement>(null);
  const pending = issue.isPending;
  // Closed by the person (取消 or Esc), the focus goes back to the button that opened it — once that button is on
  // screen again, after the commit (a timer could run before React has put it back, leaving the focus nowhere).
  const refocus = useRef(false);
  const close = () => {
    refocus.current = true;
    setConfirming(false);
  };
  useEffect(() => {
    if (confirming || !refocus.current) return;
    refocus.current = false;
    opener.current?.focus();
  }, [confirming]);
  // The confirmation takes the focus when it opens, and Esc closes it wherever the focus is — but not once the request
  // is sent: the server cannot be stopped, so it is not offered.
  useEffect(() => {
    if (!confirming) return;
    confirm.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || pending) return;
      close();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [confirming, pending]);

  const latest = archive.find((b) => b.period === period && b.latest);
  const label = formatPeriodLabel(period);
  const unprintable = draft.unprintable ?? [];
  const what = latest
    ? `${label}通报第${draft.issueNumber ?? latest.number}期（更正），第 ${draft.version} 版，文号 ${draft.documentNumber ?? latest.documentNumber ?? '—'}，日期 ${draft.dateText}`
    : `${label}通报第${draft.issueNumber}期，文号 ${draft.documentNumber}，日期 ${draft.dateText}`;

  return (
    <div className="bulletin-issue no-print" role="group" aria-label="印发">
      {latest && (
        <span className="muted" role="status">
          已印发第{latest.number}期{latest.version > 1 ? `（第 ${latest.version} 版）` : ''}：{latest.issuedBy} · {formatBeijingDateTime(latest.issuedAt)}
        </span>
      )}
      {!confirming ? (
        <button
          ref={opener}
          type="button"
          className={latest ? '' : 'primary'}
          disabled={unprintable.length > 0}
          aria-describedby={unprintable.length ? 'bulletin-issue-blocked' : undefined}
          onClick={() => { issue.reset(); setConfirming(true); }}
        >
          {latest ? '发布更正…' : '印发…'}
        </button>
      ) : (
        <div className="bulletin-issue-confirm" role="alertdialog" aria-label={latest ? '确认发布更正' : '确认印发'} aria-busy={pending}>
          <p>
            将{latest ? '发布' : '印发'}<strong>{what}</strong>。
            由当前数据和已保存的修改生成 PDF、Word、Excel 并存档，此后不再改变{latest ? '；原版本仍保留' : ''}。
          </p>
          <div className="form-buttons">
            <button
              ref={confirm}
              type="button"
              className="primary"
              disabled={pending}
              onClick={() => issue.mutate({ period, correct: latest?.id }, { onSuccess: () => setConfirming(false) })}
            >
              {pending ? (latest ? '正在发布更正…' : '正在印发…') : latest ? '确认发布更正' : '确认印发'}
            </button>
            {/* once sent, the server finishes it: no 取消 that could not stop it */}
            {!pending && <button type="button" className="link-button" onClick={close}>取消</button>}
          </div>
          {pending && <p className="muted small bulletin-issue-pending" role="status">正在{latest ? '发布更正' : '印发'}，约需数秒，请勿关闭页面</p>}
        </div>
      )}
      {unprintable.length > 0 && (
        <p id="bulletin-issue-blocked" className="error small bulletin-issue-blocked">
          暂不能{latest ? '发布更正' : '印发'}：数据中有 {unprintable.length} 处文字通报字体印不出（见下方提示），请先修改这些数据。
        </p>
      )}
      {issue.isError && <p className="error" role="alert">{latest ? '发布更正' : '印发'}失败：{issue.error.message}</p>}
    </div>
  );
}
