import type { ImportRecord } from '@dispatch/core';
import { useEffect, useId, useRef } from 'react';
import { KIND_LABELS, revertQuestion } from '../../import-report.ts';
import { useRevertImportMutation } from '../../hooks/use-revert-import-mutation.ts';

/** 撤销 an applied import, after a modal confirmation naming the file and its counts (Esc or 取消 closes it). */
export function RevertDialog({ record, onClose, onReverted }: { record: ImportRecord; onClose: () => void; onReverted: (record: ImportRecord) => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const revert = useRevertImportMutation();
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog ref={ref} className="action-dialog revert-dialog" aria-labelledby={titleId} onClose={onClose}>
      <h2 id={titleId}>撤销导入：{KIND_LABELS[record.kind]}</h2>
      <p>{revertQuestion(record)}</p>
      {revert.isError && <p className="error" role="alert">无法撤销：{revert.error.message}</p>}
      <div className="form-buttons">
        <button
          type="button"
          className="primary danger"
          disabled={revert.isPending}
          onClick={() => revert.mutate(record.id, { onSuccess: () => { onReverted(record); ref.current?.close(); } })}
        >
          {revert.isPending ? '正在撤销…' : '确认撤销'}
        </button>
        <button type="button" className="link-button" onClick={() => ref.current?.close()} autoFocus>取消</button>
      </div>
    </dialog>
  );
}
