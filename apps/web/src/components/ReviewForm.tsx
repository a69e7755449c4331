import type { ActionThread } from '@dispatch/core';
import { useState, type FormEvent } from 'react';
import type { ActionStepMutation } from '../hooks/use-action-step-mutation.ts';

/** The province's review of an answer: accept and close it, or return it with the reason. */
export function ReviewForm({ action, step }: { action: ActionThread; step: ActionStepMutation }) {
  const [reason, setReason] = useState('');
  const giveBack = (e: FormEvent) => {
    e.preventDefault();
    if (!step.isPending) step.mutate({ event: 'return', body: { reason, version: action.version } });
  };
  return (
    <form className="card form step-form" onSubmit={giveBack} aria-labelledby="review-title">
      <h2 id="review-title">审核答复</h2>
      <div className="review-accept">
        <button type="button" className="primary" disabled={step.isPending} onClick={() => step.mutate({ event: 'accept', body: { version: action.version } })}>
          审核通过，办结
        </button>
      </div>
      <label>
        <span>退回理由</span>
        <textarea required maxLength={1000} rows={3} value={reason} onChange={(e) => setReason(e.target.value)} placeholder="需补充或修改的内容" />
      </label>
      <button type="submit" className="secondary" disabled={step.isPending}>退回重新答复</button>
    </form>
  );
}
