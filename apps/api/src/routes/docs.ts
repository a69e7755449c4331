import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hono } from 'hono';

/** Swagger UI from the swagger-ui-dist package, served locally: offices often have no internet access. */
const assetsDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));
const ASSETS: Record<string, string> = {
  'swagger-ui.css': 'text/css; charset=utf-8',
  'swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
};

const PAGE = `<!doctype html>
<html lang="zh-CN">
<head><meta charset="utf-8"><title>Dispatch API 文档</title>
<link rel="stylesheet" href="/api/docs/swagger-ui.css"></head>
<body><div id="docs"></div>
<script src="/api/docs/swagger-ui-bundle.js"></script>
<script src="/api/docs/init.js"></script>
</body></html>`;

/** Started from a file rather than an inline script, which the Content-Security-Policy refuses. */
const INIT = `SwaggerUIBundle({ url: '/api/openapi.json', dom_id: '#docs' });`;

export const docsRoutes = new Hono()
  .get('/', (c) => c.html(PAGE))
  .get('/init.js', (c) => c.body(INIT, 200, { 'content-type': 'text/javascript; charset=utf-8' }))
  .get('/:asset', async (c) => {
    const asset = c.req.param('asset');
    const type = ASSETS[asset];
    if (!type) return c.notFound();
    return c.body(await readFile(join(assetsDir, asset)), 200, {
      'content-type': type,
      'cache-control': 'public, max-age=86400',
    });
  });
