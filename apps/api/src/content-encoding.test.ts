import { describe, expect, test } from 'vitest';
import { chooseEncoding, ENCODINGS } from './content-encoding.ts';
import { bytesOf as bytes, expectCompressedJson } from './testing/compression.ts';
import { useDemoApi } from './testing/test-session.ts';

describe('chooseEncoding', () => {
  test.each([
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0.8, br;q=0.9', 'br'],
    ['*', 'br'],
    ['*;q=0.5, br;q=0', 'gzip'],
    ['br;q=0, gzip;q=0', undefined],
    ['identity', undefined],
    ['zstd', undefined],
    ['', undefined],
  ])('Accept-Encoding "%s" → %s', (header, expected) => {
    expect(chooseEncoding(header, ENCODINGS)).toBe(expected);
  });

  test('only what is offered', () => {
    expect(chooseEncoding('br, gzip', ['gzip'])).toBe('gzip');
    expect(chooseEncoding('br', ['gzip'])).toBeUndefined();
  });
});

describe('uncached JSON answers', () => {
  const api = useDemoApi();
  const get = (path: string, accept?: string) => api.app.request(path, { headers: { ...api.session.read, ...(accept ? { 'accept-encoding': accept } : {}) } });

  test.each([
    ['br', 'gzip, deflate, br, zstd'],
    ['gzip', 'gzip, deflate'],
  ] as const)('of 1 KB or more go as %s to a client accepting "%s", the same JSON once decompressed', async (encoding, accept) => {
    const plain = await bytes(await get('/api/regions'));
    expect(plain.length).toBeGreaterThan(10_000);
    await expectCompressedJson(await get('/api/regions', accept), encoding, plain);
  });

  test('go as they are to a client that accepts no compression', async () => {
    const response = await get('/api/regions');
    expect(response.headers.get('content-encoding')).toBeNull();
    expect(response.headers.get('vary')).toBe('Accept-Encoding');
    expect(((await response.json()) as { regions: unknown[] }).regions).toHaveLength(137);
  });

  test('smaller than 1 KB go as they are, whatever is accepted', async () => {
    for (const path of ['/api/health', '/api/auth/me', '/api/periods']) {
      const response = await get(path, 'gzip, deflate, br');
      expect(response.status, path).toBe(200);
      expect(response.headers.get('content-encoding'), path).toBeNull();
      expect(response.headers.get('vary'), path).toBeNull();
      expect(await response.json(), path).toBeTruthy();
    }
  });
});
