import { ApiError } from '../api/fetch-json.ts';

/**
 * A refused step in the server's words, kept on screen after the thread is asked for again; a conflict says the
 * page now shows the latest state.
 */
export function StepError({ error }: { error: Error | null }) {
  if (!error) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <p className="error" role="alert">
      {error.message}
      {conflict && '。页面已更新为最新状态。'}
    </p>
  );
}
