import type { ReactNode } from 'react';
import { ApiError, isRetryable } from '../api/fetch-json.ts';

/**
 * What a part of a page is doing when it has no data to show: loading, refused (403) or not there (404, with the
 * way back the page offers), failed (with the server's words; 重试 only where trying again may help: the network or
 * the server's own trouble, not an answer such as a 400), empty.
 */
export function Status({ query, empty, notFound, children }: {
  query: { isPending: boolean; isError: boolean; error: Error | null; refetch?: () => unknown };
  empty?: string | false;
  /** beside a 404's message: where to go instead (a link back to the list) */
  notFound?: ReactNode;
  children?: ReactNode;
}) {
  if (query.isPending) return <p className="loading" role="status">正在加载…</p>;
  const { error } = query;
  if (error instanceof ApiError && (error.status === 403 || error.status === 404)) {
    return (
      <p className="notice" role="status">
        {error.message}
        {error.status === 404 && notFound && <> {notFound}</>}
      </p>
    );
  }
  if (query.isError) {
    return (
      <p className="error" role="alert">
        加载失败：{error?.message}
        {query.refetch && isRetryable(error) && (
          <button type="button" className="link-button" onClick={() => query.refetch?.()}>重试</button>
        )}
      </p>
    );
  }
  if (empty) return <p className="notice" role="status">{empty}</p>;
  return <>{children}</>;
}
