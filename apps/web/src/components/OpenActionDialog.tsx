import { ACTION_KIND_LABELS, ACTION_KINDS, beijingDate, formatPeriodLabel, latestDueDate, RULE_LABELS, type ActionKind } from '@dispatch/core';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { draftAction, type ActionSubject } from '../action-draft.ts';
import { useOpenActionMutation } from '../hooks/use-open-action-mutation.ts';
import { UnfinishedActions } from './UnfinishedActions.tsx';

/**
 * Opening guidance or a summons on a region, in a modal dialog (Esc closes it, focus stays inside): prefilled from
 * the alert it cites, the region's actions not yet closed listed above the form; once opened, a link to the new
 * action.
 */
export function OpenActionDialog({ subject, onClose }: { subject: ActionSubject; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const [draft, setDraft] = useState(() => draftAction(subject, new Date()));
  const today = beijingDate(new Date());
  const open = useOpenActionMutation();
  const opened = useRef<HTMLAnchorElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || dialog.open) return;
    dialog.showModal();
    // The keyboard starts on the kind already chosen (约谈 when drafted as a summons), not the first radio.
    dialog.querySelector<HTMLInputElement>('input[name="kind"]:checked')?.focus();
  }, []);
  // Once opened, the way on is the new action: focus moves to its link (the submit button is gone).
  useEffect(() => {
    if (open.data) opened.current?.focus();
  }, [open.data]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (open.isPending || open.data) return;
    open.mutate({ regionCode: subject.regionCode, period: subject.period, ...draft, ...(subject.alert ? { alertRule: subject.alert.rule } : {}) });
  };
  return (
    <dialog ref={ref} className="action-dialog" aria-labelledby={titleId} onClose={onClose}>
      <form className="form" onSubmit={submit}>
        <h2 id={titleId}>督导：{subject.regionName} <small className="muted">{formatPeriodLabel(subject.period)}</small></h2>
        {subject.alert && <p className="cited">依据预警「{RULE_LABELS[subject.alert.rule]}」：{subject.alert.message}</p>}
        {!open.data && <UnfinishedActions regionCode={subject.regionCode} regionName={subject.regionName} />}
        <fieldset className="kind-choice">
          <legend>类型</legend>
          {ACTION_KINDS.map((kind) => (
            <label key={kind}>
              <input type="radio" name="kind" value={kind} checked={draft.kind === kind} onChange={() => setDraft({ ...draft, kind: kind as ActionKind })} disabled={Boolean(open.data)} />
              {ACTION_KIND_LABELS[kind]}
            </label>
          ))}
        </fieldset>
        <label>
          <span>答复截止日期</span>
          <input type="date" required min={today} max={latestDueDate(today)} value={draft.dueDate} onChange={(e) => setDraft({ ...draft, dueDate: e.target.value })} disabled={Boolean(open.data)} />
        </label>
        <label>
          <span>督导要求</span>
          <textarea required maxLength={1000} rows={5} value={draft.requirement} onChange={(e) => setDraft({ ...draft, requirement: e.target.value })} disabled={Boolean(open.data)} />
        </label>
        {open.isError && <p className="error" role="alert">{open.error.message}</p>}
        {open.data ? (
          <p className="success" role="status">
            已开启督导事项 {open.data.id} 号。<Link ref={opened} href={`/supervision/${open.data.id}`}>查看事项 ›</Link>
          </p>
        ) : null}
        <div className="dialog-buttons">
          {!open.data && <button type="submit" className="primary" disabled={open.isPending}>{open.isPending ? '正在开启…' : `开启${ACTION_KIND_LABELS[draft.kind]}`}</button>}
          <button type="button" className="secondary" onClick={() => ref.current?.close()}>{open.data ? '关闭' : '取消'}</button>
        </div>
      </form>
    </dialog>
  );
}
