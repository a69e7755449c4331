import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect } from 'vitest';

const DECOMPRESS = { br: brotliDecompressSync, gzip: gunzipSync };

export const bytesOf = async (response: Response) => Buffer.from(await response.arrayBuffer());

/** An answer sent as `encoding`: JSON, kept apart per Accept-Encoding, much smaller, and `plain` once decompressed. */
export async function expectCompressedJson(response: Response, encoding: keyof typeof DECOMPRESS, plain: Buffer): Promise<void> {
  expect(response.headers.get('content-encoding')).toBe(encoding);
  expect(response.headers.get('vary')).toBe('Accept-Encoding');
  expect(response.headers.get('content-type')).toBe('application/json');
  const body = await bytesOf(response);
  expect(body.length).toBeLessThan(plain.length / 4);
  expect(DECOMPRESS[encoding](body).equals(plain)).toBe(true);
}
