import type { MiddlewareHandler } from 'hono';

/**
 * An API answer is signed-in data unless its route says otherwise: one that sets no Cache-Control of its own gets
 * `no-store`, so no shared cache — nor the browser — keeps an account list, an audit page or an Excel export.
 * Cached computed answers set `private, no-cache` with an ETag (cached-json.ts); the docs' assets their own.
 */
export function noStoreByDefault(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  };
}
