import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Context, MiddlewareHandler } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { accessGuard } from './access.ts';
import { noStoreByDefault } from './cache-headers.ts';
import { compressJson } from './content-encoding.ts';
import { limitBodies } from './body-limits.ts';
import type { Db } from '@dispatch/db';
import { ComputedCache } from './computed-cache.ts';
import { handleError, httpError } from './errors.ts';
import { requestLog } from './ops/request-log.ts';
import { createRouter, type AppEnv } from './router.ts';
import { actionRoutes } from './routes/actions.ts';
import { alertRoutes } from './routes/alerts.ts';
import { auditRoutes } from './routes/audit.ts';
import { createAuthRoutes } from './routes/auth.ts';
import { docsRoutes } from './routes/docs.ts';
import { exportRoutes } from './routes/exports.ts';
import { importRoutes } from './routes/imports.ts';
import { freshnessRoutes } from './routes/freshness.ts';
import { fundRoutes } from './routes/funds.ts';
import { healthRoutes } from './routes/health.ts';
import { metricRoutes } from './routes/metrics.ts';
import { noteRoutes } from './routes/notes.ts';
import { periodRoutes } from './routes/periods.ts';
import { reallocationRoutes } from './routes/reallocations.ts';
import { regionRoutes } from './routes/regions.ts';
import { settingsRoutes } from './routes/settings.ts';
import { taskRoutes } from './routes/tasks.ts';
import { bulletinRoutes } from './routes/bulletins.ts';
import { userRoutes } from './routes/users.ts';
import { versionReader } from './versions.ts';
import { webAppRoutes } from './web-app.ts';

/**
 * This site's origin as the browser sees it: behind a trusted TLS proxy the scheme is the forwarded one (the server
 * itself is reached over http), the host the Host header the proxy passes on.
 */
function ownOrigin(c: Context<AppEnv>): string {
  const url = new URL(c.req.url);
  return `${c.var.client?.https ? 'https:' : url.protocol}//${url.host}`;
}

const honoCsrf = csrf({ origin: (origin, c) => origin === ownOrigin(c as Context<AppEnv>) });

/**
 * Cross-site request forgery, in two parts. A request that carries X-CSRF-Token cannot come from another site's page:
 * a form cannot set a header, and a script on another origin sending a custom header needs a CORS preflight this API
 * never grants; the access guard then checks the token against the session. Such a request skips the origin check —
 * whatever its Content-Type and Origin (an upload from a page behind a proxy whose Host drops the port, a script).
 * A request without the token that a cross-site form could have sent (a form or multipart Content-Type, or none,
 * which Hono takes for text/plain) must show an Origin or Sec-Fetch-Site of this site (behind a TLS proxy the https
 * origin: see ownOrigin), or it is refused in words that say it is about where the request came from.
 */
const originCheck: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.header('x-csrf-token')) return next();
  let passed = false;
  try {
    await honoCsrf(c, () => ((passed = true), next()));
  } catch (err) {
    // the check's own refusal, not a 403 of what ran after it
    if (!passed && err instanceof HTTPException && err.status === 403) {
      throw httpError(403, '请求来源与本站地址不符（Origin），已拒绝：请刷新本站页面后重试；脚本调用请带上登录时返回的 X-CSRF-Token 请求头', 'ORIGIN');
    }
    throw err;
  }
};

const notFound = (c: Context<AppEnv>) => handleError(httpError(404, `没有这个地址：${c.req.path}`), c);

export interface AppOptions {
  db: Db;
  /** folder of the built web app; served on the same port, with index.html for client-side routes */
  webDist?: string;
  /** the clock (default: the system's); tests fix it so that a draft's and an issue's date are known */
  now?: () => Date;
  /** reverse proxies in front whose X-Forwarded-For/-Proto/X-Request-Id are believed (TRUST_PROXY); 0: none */
  trustProxy?: number;
}

export function createApp({ db, webDist, now = () => new Date(), trustProxy = 0 }: AppOptions) {
  const cache = new ComputedCache();
  const versions = versionReader(db);
  // 5 failed sign-ins per account, 30 per address, in 15 minutes (counted in the database: every process's).
  const limits = { perLogin: 5, perAddress: 30, windowMs: 15 * 60_000 };
  const api = createRouter()
    .use(limitBodies('/api'))
    .use(originCheck)
    .use(async (c, next) => {
      c.set('db', db);
      c.set('cache', cache);
      c.set('versionReader', versions);
      c.set('now', now);
      await next();
    })
    .use(accessGuard('/api'))
    .route('/health', healthRoutes)
    .route('/auth', createAuthRoutes(limits))
    .route('/periods', periodRoutes)
    .route('/metrics', metricRoutes)
    .route('/alerts', alertRoutes)
    .route('/notes', noteRoutes)
    .route('/settings', settingsRoutes)
    .route('/funds', fundRoutes)
    .route('/reallocations', reallocationRoutes)
    .route('/regions', regionRoutes)
    .route('/exports', exportRoutes)
    .route('/imports', importRoutes)
    .route('/freshness', freshnessRoutes)
    .route('/users', userRoutes)
    .route('/audit', auditRoutes)
    .route('/actions', actionRoutes)
    .route('/tasks', taskRoutes)
    .route('/bulletins', bulletinRoutes)
    .route('/docs', docsRoutes);
  const app = createRouter();
  app.use(requestLog(trustProxy));
  app.use(
    secureHeaders({
      // Only the product's own scripts run: a script tag that slipped into data could not execute.
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // ECharts and React set style attributes
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'self'"],
      },
    }),
  );
  // Answers without caching of their own are not stored; uncached JSON of 1 KB or more is compressed per
  // request. Cached answers come compressed already and are left alone.
  app.use('/api/*', noStoreByDefault(), compressJson());
  app.route('/api', api);
  app.openAPIRegistry.registerComponent('securitySchemes', 'session', {
    type: 'apiKey',
    in: 'cookie',
    name: 'dispatch_session',
    description: '由 POST /api/auth/login 设置；POST 请求另需请求头 X-CSRF-Token（登录时返回）',
  });
  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    security: [{ session: [] }],
    info: {
      title: 'Dispatch 技能提升行动月调度平台 API',
      version: '0.1.0',
      description:
        '指标口径：年度累计至所选月末；比例为未舍入的小数（0.41666…），页面与导出文件按同一规则一次舍入；金额单位为元。除健康检查、登录与本文档外，所有接口均需登录；超出岗位权限范围的请求返回 403。',
    },
  });
  // After every API route (the OpenAPI document included): an unknown API path is a JSON 404 here, before
  // anything registered later (the web app's fallback) can answer it.
  app.all('/api/*', notFound);
  app.onError(handleError);
  app.notFound(notFound);
  if (webDist && existsSync(join(webDist, 'index.html'))) app.route('/', webAppRoutes(webDist));
  return app;
}

export type App = ReturnType<typeof createApp>;
