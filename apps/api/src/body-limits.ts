/**
 * The largest request body each API route accepts. Every API body is a small JSON document, and an unlimited body
 * on the public sign-in route let anyone make the server hold hundreds of megabytes. The limit is checked before
 * the body is read: a declared Content-Length over it is refused at once, a chunked body as soon as it passes it.
 */
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { httpError } from './errors.ts';
import { MAX_UPLOAD_BYTES } from './imports/upload.ts';

const KB = 1024;

/**
 * Per route, as `METHOD /path` below the API's prefix; every other route gets DEFAULT_BODY_LIMIT. A route that
 * takes files (a data import) adds its own, larger line here.
 */
export const BODY_LIMITS: Readonly<Record<string, number>> = {
  'POST /auth/login': 4 * KB,
  // A monthly data file, stated in the API's document and the README.
  'POST /imports': MAX_UPLOAD_BYTES,
};
export const DEFAULT_BODY_LIMIT = 64 * KB;

function sizeText(bytes: number): string {
  return bytes >= 1024 * KB ? `${Math.round(bytes / (1024 * KB))} MB` : `${Math.round(bytes / KB)} KB`;
}

/** Hono's body-limit middleware for one size, answering our 413. */
function limitTo(maxSize: number): MiddlewareHandler {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw httpError(413, `请求内容过大：此接口最多接受 ${sizeText(maxSize)}`, 'PAYLOAD_TOO_LARGE');
    },
  });
}

/** @param prefix where the API is mounted (`/api`), stripped before looking the route up in `limits` */
export function limitBodies(prefix: string, limits = BODY_LIMITS, fallback = DEFAULT_BODY_LIMIT): MiddlewareHandler {
  const bySize = new Map<number, MiddlewareHandler>();
  const middlewareFor = (size: number) => bySize.get(size) ?? bySize.set(size, limitTo(size)).get(size)!;
  return (c, next) => {
    const route = `${c.req.method} ${c.req.path.slice(prefix.length) || '/'}`;
    return middlewareFor(limits[route] ?? fallback)(c, next);
  };
}
