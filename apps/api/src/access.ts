/**
 * Access control, in one place. Every API request passes `accessGuard`:
 *  - a public route (health, sign-in, the API's own documentation) goes through;
 *  - any other request without a live session is a 401 (sessions are kept in memory for a few seconds, while the
 *    database's auth version is unchanged: a revocation in any process is seen by the next request);
 *  - a state-changing request must carry the session's X-CSRF-Token, or it is a 403;
 *  - the route's handler must call `authorize` (core's `can` for a permission and a region) before it answers.
 *    A route that answers without having done so is refused with a 500: forgetting the rule fails closed.
 */
import { can, refusalMessage, type Permission, type Region } from '@dispatch/core';
import { getRegions } from '@dispatch/db';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SessionCache } from './auth/session-cache.ts';
import { hashToken, SESSION_COOKIE } from './auth/session-token.ts';
import { computed } from './computed-cache.ts';
import { handleError, httpError } from './errors.ts';
import { log } from './log.ts';
import type { AppEnv } from './router.ts';
import { requestVersions } from './versions.ts';

/** Routes anyone may call, as `METHOD path` below /api (a trailing * matches the rest of the path). */
export const PUBLIC_ROUTES = ['GET /health', 'POST /auth/login', 'GET /openapi.json', 'GET /docs', 'GET /docs/*'] as const;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** PUBLIC_ROUTES read once: a method, and an exact path or a prefix. */
const PUBLIC = PUBLIC_ROUTES.map((route) => {
  const [method, path] = route.split(' ') as [string, string];
  return path.endsWith('/*') ? { method, prefix: path.slice(0, -1) } : { method, exact: path };
});

function isPublic(method: string, path: string): boolean {
  const asked = method === 'HEAD' ? 'GET' : method;
  return PUBLIC.some((route) => route.method === asked && ('exact' in route ? path === route.exact : path.startsWith(route.prefix)));
}

/** The client's address, for the sign-in limiter and the audit log: behind a trusted proxy, the forwarded one. */
export function addressOf(c: Context<AppEnv>): string | null {
  return c.var.client?.address ?? null;
}

/** @param prefix where the API is mounted (`/api`), stripped before matching PUBLIC_ROUTES */
export function accessGuard(prefix: string, sessions = new SessionCache()): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const path = c.req.path.slice(prefix.length) || '/';
    if (isPublic(c.req.method, path)) return next();
    const token = getCookie(c, SESSION_COOKIE);
    const tokenHash = token ? hashToken(token) : null;
    const session = tokenHash ? await sessions.find(c.get('db'), tokenHash, (await requestVersions(c)).auth) : undefined;
    if (!session || !tokenHash) throw httpError(401, '未登录或登录已过期，请重新登录', 'UNAUTHENTICATED');
    if (!SAFE_METHODS.has(c.req.method) && c.req.header('x-csrf-token') !== session.csrfToken) {
      throw httpError(403, 'CSRF 校验失败：请刷新页面后重试', 'CSRF');
    }
    c.set('signedIn', { user: session.user, csrfToken: session.csrfToken, tokenHash, address: addressOf(c) });
    await next();
    if (c.res.status < 400 && !c.get('authorized')) {
      // A JSON line: a decoded path with line breaks in it cannot forge further lines.
      log.error({ reqId: c.var.reqId, method: c.req.method, path: c.req.path }, 'access: answered without an access check; refused');
      // Dropped first, or the refusal would inherit the handler's headers (its Content-Length among them).
      c.res = undefined;
      c.res = handleError(httpError(500, '服务器内部错误：该接口未声明访问规则', 'NO_ACCESS_RULE'), c);
    }
  };
}

const NO_REGIONS: ReadonlyMap<string, Region> = new Map();

/** The region registry by code, kept with the computed cache. */
export async function regionMap(c: Context<AppEnv>): Promise<ReadonlyMap<string, Region>> {
  const db = c.get('db');
  return computed(c, 'access|regions', async () => new Map((await getRegions(db)).map((r) => [r.code, r])));
}

/**
 * The route's access rule: the signed-in person must hold `permission` for `regionCode` (null for what belongs
 * to no region), or — with 'signed-in' — merely be signed in (their own session, password). Throws a 403 that
 * says what was refused and why.
 */
export async function authorize(
  c: Context<AppEnv>,
  permission: Permission | 'signed-in',
  regionCode: string | null = null,
  /** the refusal's verb and object when the permission's own are too general: ['撰写', '情况说明'] */
  words?: readonly [verb: string, object: string],
): Promise<void> {
  const { user } = c.get('signedIn');
  // Most requests are allowed without knowing the regions (a grant everywhere, or one's own home region).
  if (permission !== 'signed-in' && !can(user, permission, regionCode, NO_REGIONS)) {
    const regions = await regionMap(c);
    if (!can(user, permission, regionCode, regions)) {
      const name = (code: string) => regions.get(code)?.name ?? code;
      const message = refusalMessage({
        permission,
        role: user.role,
        homeName: name(user.regionCode),
        regionName: regionCode === null ? null : name(regionCode),
        allowedAtHome: can(user, permission, user.regionCode, regions),
        words,
      });
      throw httpError(403, message, 'FORBIDDEN');
    }
  }
  c.set('authorized', true);
}
