import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { etag } from 'hono/etag';

/** Vite names every file under /assets by a hash of its content: a changed file is a new URL. */
export const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html names the current build's assets, so it is checked with the server on every visit. */
export const REVALIDATE = 'no-cache';

/**
 * serveStatic sending a file's .br or .gz sibling when accepted, with `cacheControl` on every file it finds.
 * Headers are set on its answer: its `onFound` hook runs after the answer is made, and headers set there are lost.
 */
function serveFiles(options: { root: string } | { path: string }, cacheControl: string): MiddlewareHandler {
  const serve = serveStatic({ ...options, precompressed: true });
  return async (c, next) => {
    const found = await serve(c, next);
    if (!(found instanceof Response)) return found; // not found: whatever comes next answered
    found.headers.set('Cache-Control', cacheControl);
    // Compressed or not, a cache must keep it per Accept-Encoding (serveStatic says so only when it compressed).
    found.headers.set('Vary', 'Accept-Encoding');
    return found;
  };
}

/** A path the web app routes itself (`/city/430100`): not the API, not a hashed asset, not a file name. */
function isClientRoute(path: string): boolean {
  if (path === '/api' || path.startsWith('/api/') || path.startsWith('/assets/')) return false;
  return !path.slice(path.lastIndexOf('/') + 1).includes('.');
}

/**
 * The built web app (apps/web/dist) on the API's port. Each file goes as the .br or .gz written beside it at
 * build time (apps/web/vite.config.ts) when the browser accepts that encoding, so nothing is compressed per
 * request.
 *  - `/assets/*`: cached for a year. A missing one is a 404: a page of an older build asking for its old script
 *    must not be handed index.html.
 *  - index.html, for `/` and for every client-side route, and any other file: revalidated on every visit
 *    (ETag, 304), so a new build is picked up at once.
 *  - Nothing under `/api`: an unknown API path stays the API's 404.
 */
export function webAppRoutes(webDist: string) {
  const assets = serveFiles({ root: webDist }, IMMUTABLE);
  const files = serveFiles({ root: webDist }, REVALIDATE);
  const index = serveFiles({ path: join(webDist, 'index.html') }, REVALIDATE);
  return new Hono()
    .get('/assets/*', assets)
    .get('*', (c, next) => (c.req.path === '/api' || c.req.path.startsWith('/api/') ? c.notFound() : next()), etag(), files, (c, next) =>
      isClientRoute(c.req.path) ? index(c, next) : next(),
    );
}
