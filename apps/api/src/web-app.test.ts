import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { prepareDb } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from './app.ts';
import { IMMUTABLE } from './web-app.ts';

/** A built web app as apps/web's build leaves it: hashed assets and index.html, each with its .br and .gz. */
const INDEX = '<!doctype html><html><head><script type="module" src="/assets/index-AbC123.js"></script></head><body><div id="root"></div></body></html>';
const SCRIPT = `export const rows = ${JSON.stringify(Array.from({ length: 400 }, (_, i) => ({ code: 430100 + i, name: `县${i}` })))};\n`;

let webDist: string;
let app: App;

function writeWithCompressed(path: string, text: string) {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'dispatch-web-app-'));
  mkdirSync(join(webDist, 'assets'));
  writeWithCompressed(join(webDist, 'index.html'), INDEX);
  writeWithCompressed(join(webDist, 'assets', 'index-AbC123.js'), SCRIPT);
  app = createApp({ db: (await prepareDb({ url: ':memory:', demo: false })).db, webDist });
});
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

const get = (path: string, headers: Record<string, string> = {}) => app.request(path, { headers });

describe('the built web app', () => {
  test.each([
    ['br', 'gzip, deflate, br, zstd', brotliDecompressSync],
    ['gzip', 'gzip, deflate', gunzipSync],
  ])('a script goes precompressed as %s to a browser that accepts it, the same bytes once decompressed', async (encoding, accept, decompress) => {
    const response = await get('/assets/index-AbC123.js', { 'accept-encoding': accept });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe(encoding);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const body = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('content-length')).toBe(String(body.length));
    expect(body.length).toBeLessThan(SCRIPT.length / 3);
    expect(decompress(body).toString()).toBe(SCRIPT);
  });

  test('a client that accepts no compression gets the file itself, still marked as varying by encoding', async () => {
    const response = await get('/assets/index-AbC123.js');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(SCRIPT)));
    expect(await response.text()).toBe(SCRIPT);
  });

  test('hashed assets are cached for a year, unchanged', async () => {
    expect((await get('/assets/index-AbC123.js')).headers.get('cache-control')).toBe(IMMUTABLE);
    expect(IMMUTABLE).toBe('public, max-age=31536000, immutable');
  });

  test.each(['/', '/index.html', '/city/430100', '/region/430182?period=2020-05'])(
    '%s is index.html, compressed, revalidated on every visit (no-cache, ETag, 304)',
    async (path) => {
      const response = await get(path, { 'accept-encoding': 'gzip, br' });
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('content-encoding')).toBe('br');
      expect(response.headers.get('cache-control')).toBe('no-cache');
      expect(brotliDecompressSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(INDEX);
      const tag = response.headers.get('etag');
      expect(tag).toBeTruthy();
      const again = await get(path, { 'accept-encoding': 'gzip, br', 'if-none-match': tag! });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('cache-control')).toBe('no-cache');
    },
  );

  test.each(['/assets/missing.js', '/assets/index-OLD999.js', '/assets/nothing', '/favicon.ico'])('%s is a 404, not index.html', async (path) => {
    const response = await get(path, { 'accept-encoding': 'br' });
    expect(response.status).toBe(404);
    expect(response.headers.get('cache-control') ?? '').not.toContain('immutable');
    expect(await response.text()).not.toContain('<div id="root">');
  });

  test('an unknown API path is the API’s JSON 404, never index.html', async () => {
    for (const path of ['/api', '/api/nothing-here', '/api/assets/index-AbC123.js']) {
      const response = await get(path);
      expect(response.status, path).toBeGreaterThanOrEqual(400);
      expect(response.headers.get('content-type'), path).toContain('application/json');
    }
  });
});
