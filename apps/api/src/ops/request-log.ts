/**
 * One JSON line per request (pino, at info): its id, the account, the method, the route's pattern — never the raw
 * path or query, which may carry what a person typed —, the status and the time taken. The id goes back to the
 * client as X-Request-Id, so an official's complaint ("it failed at 10:02, id …") finds its line.
 */
import { randomUUID } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { matchedRoutes, routePath } from 'hono/route';
import { log } from '../log.ts';
import type { AppEnv } from '../router.ts';
import { clientInfo } from './client-info.ts';

/** An id a proxy in front may pass on (nginx's $request_id, a UUID): short and plain, so it cannot forge a line. */
const ID_SHAPE = /^[A-Za-z0-9._:-]{8,128}$/;

function requestId(c: Context, trustProxy: number): string {
  const given = trustProxy > 0 ? c.req.header('x-request-id') : undefined;
  return given && ID_SHAPE.test(given) ? given : randomUUID();
}

/**
 * The pattern of the route that answered: the handler the chain stopped at, when it is bound to a method; when a
 * middleware answered instead (the access guard's 401, a body limit's 413), the API route it stood in front of — the
 * first method-bound API route after it. (Matched routes also list what was registered later and never ran, the web
 * app's `GET /*` fallback among them: the last of them is not the one that answered.)
 */
function routeOf(c: Context): string {
  const routes = matchedRoutes(c);
  const at = c.req.routeIndex;
  if (routes[at] && routes[at].method !== 'ALL') return routes[at].path;
  for (let i = at + 1; i < routes.length; i++) if (routes[i]!.method !== 'ALL' && routes[i]!.path.startsWith('/api')) return routes[i]!.path;
  return routePath(c);
}

export function requestLog(trustProxy: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const started = performance.now();
    const reqId = requestId(c, trustProxy);
    c.set('reqId', reqId);
    c.set('client', clientInfo(c, trustProxy));
    await next();
    try {
      c.res.headers.set('X-Request-Id', reqId);
    } catch {
      c.res = new Response(c.res.body, c.res); // a response with immutable headers (a fetched one) is copied first
      c.res.headers.set('X-Request-Id', reqId);
    }
    if (!log.isLevelEnabled('info')) return;
    log.info({
      reqId,
      account: c.var.signedIn?.user.login ?? null,
      method: c.req.method,
      route: routeOf(c),
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    }, 'request');
  };
}
