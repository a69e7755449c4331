import { addYears, beijingDate, type ActionThread } from '@dispatch/core';
import { useState, type FormEvent } from 'react';
import type { ActionStepMutation } from '../hooks/use-action-step-mutation.ts';

/** What an answer starts from: after a return, the region's last answer (to amend, not retype); else nothing. */
function lastAnswer(action: ActionThread) {
  if (action.state !== 'returned') return { situation: '', plan: '', rectifyBy: '' };
  const content = [...action.steps].reverse().find((step) => step.step === 'answer')?.content;
  return { situation: content?.situation ?? '', plan: content?.plan ?? '', rectifyBy: content?.rectifyBy ?? '' };
}

/**
 * The region's answer: 情况说明 and 整改措施 (with a date by which it is done), large enough to type on a phone.
 * `locked`: the action no longer waits for this answer (someone answered first): what was typed stays on screen,
 * to copy, without a way to send it.
 */
export function AnswerForm({ action, step, locked = false }: { action: ActionThread; step: ActionStepMutation; locked?: boolean }) {
  const [initial] = useState(() => lastAnswer(action));
  const [situation, setSituation] = useState(initial.situation);
  const [plan, setPlan] = useState(initial.plan);
  const [rectifyBy, setRectifyBy] = useState(initial.rectifyBy);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step.isPending || locked) return;
    step.mutate({ event: 'answer', body: { situation, plan, ...(rectifyBy ? { rectifyBy } : {}), version: action.version } });
  };
  const title = locked ? '未提交的答复' : action.state === 'returned' ? '重新答复' : '答复';
  return (
    <form className="card form step-form" onSubmit={submit} aria-labelledby="answer-title">
      <h2 id="answer-title">{title}</h2>
      {locked && <p className="notice">该事项已不再等待这份答复；您填写的内容保留在下面，可复制保存。</p>}
      {!locked && action.state === 'returned' && <p className="muted small">已填入上次的答复，请按退回理由修改后提交。</p>}
      <label>
        <span>情况说明</span>
        <textarea required readOnly={locked} maxLength={2000} rows={5} value={situation} onChange={(e) => setSituation(e.target.value)} placeholder="进度滞后的原因、目前情况" />
      </label>
      <label>
        <span>整改措施</span>
        <textarea required readOnly={locked} maxLength={2000} rows={5} value={plan} onChange={(e) => setPlan(e.target.value)} placeholder="具体措施、责任单位、时间安排" />
      </label>
      <label>
        <span>整改完成时限（可选）</span>
        <input type="date" readOnly={locked} min={beijingDate(new Date())} max={addYears(beijingDate(new Date()), 2)} value={rectifyBy} onChange={(e) => setRectifyBy(e.target.value)} />
      </label>
      {!locked && <button type="submit" className="primary" disabled={step.isPending}>{step.isPending ? '正在提交…' : '提交答复'}</button>}
    </form>
  );
}
