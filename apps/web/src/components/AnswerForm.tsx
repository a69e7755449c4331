import type { ActionThread } from '@dispatch/core';
import { useState, type FormEvent } from 'react';
import type { ActionStepMutation } from '../hooks/use-action-step-mutation.ts';

/** The region's answer: 情况说明 and 整改措施 (with a date by which it is done), large enough to type on a phone. */
export function AnswerForm({ action, step }: { action: ActionThread; step: ActionStepMutation }) {
  const [situation, setSituation] = useState('');
  const [plan, setPlan] = useState('');
  const [rectifyBy, setRectifyBy] = useState('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (step.isPending) return;
    step.mutate({ event: 'answer', body: { situation, plan, ...(rectifyBy ? { rectifyBy } : {}), version: action.version } });
  };
  return (
    <form className="card form step-form" onSubmit={submit} aria-labelledby="answer-title">
      <h2 id="answer-title">{action.state === 'returned' ? '重新答复' : '答复'}</h2>
      <label>
        <span>情况说明</span>
        <textarea required maxLength={2000} rows={5} value={situation} onChange={(e) => setSituation(e.target.value)} placeholder="进度滞后的原因、目前情况" />
      </label>
      <label>
        <span>整改措施</span>
        <textarea required maxLength={2000} rows={5} value={plan} onChange={(e) => setPlan(e.target.value)} placeholder="具体措施、责任单位、时间安排" />
      </label>
      <label>
        <span>整改完成时限（可选）</span>
        <input type="date" value={rectifyBy} onChange={(e) => setRectifyBy(e.target.value)} />
      </label>
      <button type="submit" className="primary" disabled={step.isPending}>{step.isPending ? '正在提交…' : '提交答复'}</button>
    </form>
  );
}
