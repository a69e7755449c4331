import type { ImportKind } from '@dispatch/core';
import { useEffect, useRef, useState } from 'react';
import { changesAnything, countsText, fileProblem, KIND_LABELS, KINDS, reportSummary } from '../../import-report.ts';
import { useImportsQuery } from '../../hooks/use-imports-query.ts';
import { useSearchParam } from '../../hooks/use-search-param.ts';
import { useUploadImportMutation, type UploadOutcome } from '../../hooks/use-upload-import-mutation.ts';
import { DropZone } from './DropZone.tsx';
import { ImportPreview } from './ImportPreview.tsx';
import { ImportProblems } from './ImportProblems.tsx';
import { UploadProgress } from './UploadProgress.tsx';

/**
 * The import's steps: the kind (in the address) and its template; a file dropped or chosen, checked in the browser,
 * sent for a dry run with its progress; the preview and the validation report; when clean, a confirmation naming
 * what will change; then the same file again to apply it, and the counts it changed.
 */
export function ImportUpload() {
  const [kindParam, setKind] = useSearchParam('kind');
  const kind: ImportKind = KINDS.find((k) => k === kindParam) ?? 'classes';
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState(0);
  const [outcome, setOutcome] = useState<UploadOutcome | null>(null);
  const upload = useUploadImportMutation();
  const done = useRef<HTMLParagraphElement>(null);
  // Reverted since (from the history below): its "imported" banner would say what is no longer true.
  const history = useImportsQuery();
  const appliedId = outcome?.type === 'applied' ? outcome.result.id : null;
  const revertedSince = appliedId !== null && history.data?.imports.some((r) => r.id === appliedId && r.status === 'reverted');

  const reset = () => {
    setFile(null);
    setProblem(null);
    setOutcome(null);
    upload.reset();
  };
  const send = (chosen: File, dryRun: boolean) => {
    setProgress(0);
    setOutcome(null);
    upload.mutate({ kind, file: chosen, dryRun, onProgress: setProgress }, { onSuccess: setOutcome });
  };
  const choose = (chosen: File) => {
    reset();
    const refused = fileProblem(chosen);
    if (refused) return setProblem(refused);
    setFile(chosen);
    send(chosen, true);
  };
  useEffect(() => {
    if (outcome?.type === 'applied') done.current?.focus();
  }, [outcome]);

  const report = outcome && outcome.type !== 'applied' ? outcome.report : null;
  return (
    <section className="card import-upload" aria-labelledby="import-upload-title">
      <h2 id="import-upload-title">导入文件</h2>
      <fieldset className="kind-choice">
        <legend>导入类别</legend>
        {KINDS.map((k) => (
          <label key={k}>
            <input type="radio" name="import-kind" value={k} checked={kind === k} disabled={upload.isPending} onChange={() => { reset(); setKind(k); }} />
            {KIND_LABELS[k]}
          </label>
        ))}
      </fieldset>
      <p>
        <a href={`/api/imports/templates/${kind}.xlsx`} download>下载「{KIND_LABELS[kind]}」导入模板</a>
        <span className="small muted">（中文表头、示例行和「填表说明」；列的顺序不限，常见的其他表头名称也能识别）</span>
      </p>
      <DropZone onFile={choose} disabled={upload.isPending} />
      {problem && <p className="error" role="alert">{problem}</p>}
      {upload.isPending && file && <UploadProgress fileName={file.name} fraction={progress} applying={!upload.variables.dryRun} />}
      {upload.isError && <p className="error" role="alert">{upload.variables?.dryRun ? '试导入失败' : '导入失败'}：{upload.error.message}</p>}
      {report && file && (
        <div className="import-report">
          <p className={report.ok ? 'success' : 'error'} role={report.ok ? 'status' : 'alert'}>
            {outcome?.type === 'refused' ? '导入被拒绝：' : `「${file.name}」试导入：`}{reportSummary(report)}
          </p>
          <ImportWarnings warnings={report.warnings} />
          <ImportPreview report={report} />
          {report.errors.length > 0 && <ImportProblems report={report} />}
          {outcome?.type === 'checked' && report.ok && report.changes && (
            <div className="confirm">
              <p>
                确认导入「{file.name}」（{KIND_LABELS[kind]}）？将{countsText(report.changes)}。
                {!changesAnything(report.changes) && ' 文件与已导入的数据相同，导入不会改变任何数据。'}
              </p>
              <div className="form-buttons">
                <button type="button" className="primary" onClick={() => send(file, false)} disabled={upload.isPending}>确认导入</button>
                <button type="button" className="link-button" onClick={reset}>取消</button>
              </div>
            </div>
          )}
        </div>
      )}
      {outcome?.type === 'applied' && file && !revertedSince && (
        <p className="success import-done" role="status" tabIndex={-1} ref={done}>
          已导入「{file.name}」：{countsText(outcome.result)}。各页面的数据已更新，导入记录见下方。
        </p>
      )}
      {outcome?.type === 'applied' && !revertedSince && <ImportWarnings warnings={outcome.result.warnings} />}
    </section>
  );
}

/** What the server says is worth knowing without refusing the file (2021年尚无目标任务 …). */
function ImportWarnings({ warnings }: { warnings: readonly string[] | undefined }) {
  if (!warnings?.length) return null;
  return (
    <ul className="import-warnings notice" role="note">
      {warnings.map((warning) => <li key={warning}>{warning}</li>)}
    </ul>
  );
}
