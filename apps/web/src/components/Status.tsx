import type { ReactNode } from 'react';
import { ApiError } from '../api/fetch-json.ts';

/**
 * What a part of a page is doing when it has no data to show: loading, refused or failed (with the server's words),
 * empty.
 */
export function Status({ query, empty, children }: {
  query: { isPending: boolean; isError: boolean; error: Error | null; refetch?: () => unknown };
  empty?: string | false;
  children?: ReactNode;
}) {
  if (query.isPending) return <p className="loading" role="status">正在加载…</p>;
  if (query.error instanceof ApiError && query.error.status === 403) {
    return <p className="notice" role="status">{query.error.message}</p>;
  }
  if (query.isError) {
    return (
      <p className="error" role="alert">
        加载失败：{query.error?.message}
        {query.refetch && (
          <button type="button" className="link-button" onClick={() => query.refetch?.()}>重试</button>
        )}
      </p>
    );
  }
  if (empty) return <p className="notice" role="status">{empty}</p>;
  return <>{children}</>;
}
