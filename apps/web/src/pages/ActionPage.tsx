import { ACTION_KIND_LABELS, awaitingStates } from '@dispatch/core';
import { Link, useParams } from 'wouter';
import { ApiError } from '../api/fetch-json.ts';
import { useAccess } from '../auth/signed-in.ts';
import { ActionThreadView } from '../components/ActionThreadView.tsx';
import { AnswerForm } from '../components/AnswerForm.tsx';
import { ReviewForm } from '../components/ReviewForm.tsx';
import { Status } from '../components/Status.tsx';
import { useActionQuery } from '../hooks/use-action-query.ts';
import { useActionStepMutation } from '../hooks/use-action-step-mutation.ts';
import { StepError } from '../components/StepError.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** One action's thread, with the answer form for the region's side or the review for the province. */
export function ActionPage() {
  // Plain digits only, as the API reads a path: 0x5 or 1e3 is no action's number.
  const raw = useParams<{ id: string }>().id;
  const id = /^\d{1,15}$/.test(raw) ? Number(raw) : NaN;
  const action = useActionQuery(id);
  const access = useAccess();
  // One mutation for the page: its refusal stays in view when the refreshed thread no longer offers the form.
  const step = useActionStepMutation(id);
  const data = action.data;
  const side = data ? access.side(data.regionCode) : 'none';
  const title = data ? `${data.regionName}${ACTION_KIND_LABELS[data.kind]}（第 ${data.id} 号）` : '督导事项';
  usePageTitle(title);
  if (!Number.isInteger(id) || id < 1) return <main className="page"><p className="notice">没有这个督导事项。<Link href="/supervision">返回督导事项</Link></p></main>;
  const yourTurn = data !== undefined && awaitingStates(side).includes(data.state);
  // An answer refused because someone answered first stays on screen, with what was typed, beside the refusal.
  const refusedAnswer = step.variables?.event === 'answer' && step.error instanceof ApiError && step.error.status === 409;
  return (
    <main className="page action-page">
      <p className="crumbs"><Link href="/supervision">督导事项</Link> › 第 {id} 号</p>
      <h1>{title}</h1>
      <Status query={action} notFound={<Link href="/supervision">返回督导事项</Link>}>
        {data && (
          <>
            <ActionThreadView action={data} side={side} />
            <StepError error={step.error} />
            {side === 'region' && (yourTurn || refusedAnswer) && <AnswerForm action={data} step={step} locked={!yourTurn} />}
            {yourTurn && side === 'province' && <ReviewForm action={data} step={step} />}
          </>
        )}
      </Status>
    </main>
  );
}
