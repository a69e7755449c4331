import { brotliDecompressSync } from 'node:zlib';
import { getCacheVersion, refreshMonthlyRollup } from '@dispatch/db';
import { describe, expect, test } from 'vitest';
import { bytesOf as bytes, expectCompressedJson } from './testing/compression.ts';
import { ensureAccount, signIn, useDemoApi } from './testing/test-session.ts';

const api = useDemoApi();
const get = (path: string, headers: Record<string, string> = {}) => api.app.request(path, { headers: { ...api.session.read, ...headers } });

const COUNTIES = '/api/metrics?period=2020-05&level=county';

describe('cached JSON answers', () => {
  test.each([
    ['br', 'gzip, deflate, br, zstd'],
    ['gzip', 'gzip, deflate'],
    ['gzip', 'br;q=0.5, gzip'],
    ['br', 'br;q=1, gzip;q=0.8'],
  ] as const)('are sent as %s to a client accepting "%s", the same JSON once decompressed', async (encoding, accept) => {
    const plain = await bytes(await get(COUNTIES));
    const response = await get(COUNTIES, { 'accept-encoding': accept });
    expect(response.status).toBe(200);
    await expectCompressedJson(response, encoding, plain);
    expect(JSON.parse(plain.toString()).rows).toHaveLength(122);
  });

  test.each(['', 'identity', 'br;q=0, gzip;q=0', 'zstd'])('are sent as they are to a client accepting "%s"', async (accept) => {
    const response = await get('/api/metrics?period=2020-05&level=province', { 'accept-encoding': accept });
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    const { rows } = (await response.json()) as { rows: { code: string }[] };
    expect(rows[0]!.code).toBe('430000');
  });

  test('carry an ETag of the data version; a browser may keep them but must ask again, a shared cache may not', async () => {
    const response = await get(COUNTIES);
    expect(response.headers.get('cache-control')).toBe('private, no-cache');
    expect(response.headers.get('etag')).toMatch(new RegExp(`^W/"v${(await getCacheVersion(api.db)).replace('.', '\\.')}-[\\w-]{12}"$`));
  });

  test('a repeat request naming the ETag is a 304 without a body; after a write it is a 200 with a new ETag', async () => {
    const path = '/api/regions/430000/series?year=2020';
    const first = await get(path, { 'accept-encoding': 'br' });
    const etag = first.headers.get('etag')!;
    const again = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.status).toBe(304);
    expect((await bytes(again)).length).toBe(0);
    expect(again.headers.get('etag')).toBe(etag);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
    expect(again.headers.get('vary')).toBe('Accept-Encoding');
    expect((await get(path, { 'if-none-match': `"other", ${etag}` })).status).toBe(304);

    await refreshMonthlyRollup(api.db); // bumps the data version, as every write does
    const afterWrite = await get(path, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(afterWrite.status).toBe(200);
    expect(afterWrite.headers.get('etag')).not.toBe(etag);
    expect(JSON.parse(brotliDecompressSync(await bytes(afterWrite)).toString()).points).toHaveLength(12);
    expect((await get(path, { 'if-none-match': afterWrite.headers.get('etag')! })).status).toBe(304);
  });

  test('different questions have different ETags', async () => {
    const tags = await Promise.all(
      ['/api/metrics?period=2020-05&level=city', '/api/metrics?period=2020-06&level=city', COUNTIES].map(async (p) => (await get(p)).headers.get('etag')),
    );
    expect(new Set(tags).size).toBe(3);
  });

  test('the access check comes before the 304: a known ETag tells nothing to someone not allowed to read', async () => {
    const path = '/api/regions/430200/series?year=2020';
    const etag = (await get(path)).headers.get('etag')!;
    expect((await api.app.request(path, { headers: { 'if-none-match': etag } })).status).toBe(401);
    await ensureAccount(api.db, 'test-county-staff', 'county-staff', '430182');
    const outsider = await signIn(api.app, 'test-county-staff');
    expect((await api.app.request(path, { headers: { ...outsider.read, 'if-none-match': etag } })).status).toBe(403);
  });
});

describe('other API answers', () => {
  test.each(['/api/auth/me', '/api/users', '/api/audit', '/api/periods', '/api/regions', '/api/exports/rankings.xlsx?period=2020-05&level=city'])(
    '%s is not stored by any cache',
    async (path) => {
      const response = await get(path);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('no-store');
    },
  );

  test('refusals and errors are not stored either', async () => {
    expect((await api.app.request('/api/auth/me')).headers.get('cache-control')).toBe('no-store');
    expect((await get('/api/metrics?period=2019-05')).headers.get('cache-control')).toBe('no-store');
  });

  test('the API documentation’s assets keep their own caching', async () => {
    expect((await get('/api/docs/swagger-ui.css')).headers.get('cache-control')).toBe('public, max-age=86400');
  });
});
