import { ApiError } from '../api/fetch-json.ts';

/** A refused step in the server's words; a conflict says the thread above is now the latest. */
export function StepError({ error }: { error: Error | null }) {
  if (!error) return null;
  const conflict = error instanceof ApiError && error.status === 409;
  return (
    <p className="error" role="alert">
      {error.message}
      {conflict && '（已刷新为最新状态）'}
    </p>
  );
}
