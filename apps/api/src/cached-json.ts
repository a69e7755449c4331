import { createHash } from 'node:crypto';
import type { Context, TypedResponse } from 'hono';
import { chooseEncoding, compressBytes, ENCODINGS, type Bytes, type Encoding } from './content-encoding.ts';
import type { AppEnv } from './router.ts';
import { computed } from './computed-cache.ts';

/** The browser keeps the answer and asks whether it is still current (ETag); shared caches never keep it. */
export const CACHED_JSON_CACHE_CONTROL = 'private, no-cache';

/** An answer as the cache keeps it: the JSON's bytes, its compressed forms where smaller, and its ETag. */
interface StoredAnswer {
  etag: string;
  bodies: { identity: Bytes } & Partial<Record<Encoding, Bytes>>;
}

/**
 * Compressed once, when the answer is cached, in every encoding offered.
 * The ETag names the data version, so every write changes it, plus a hash of the bytes, so a database recreated
 * with the same version number, or another URL's answer, can never be taken for this one.
 */
async function storeAnswer(json: string, version: string): Promise<StoredAnswer> {
  const identity = new TextEncoder().encode(json); // its own memory, not a slice of Buffer's shared pool
  const bodies: StoredAnswer['bodies'] = { identity };
  await Promise.all(
    ENCODINGS.map(async (encoding) => {
      const compressed = await compressBytes(identity, encoding);
      if (compressed.length < identity.length) bodies[encoding] = compressed;
    }),
  );
  const hash = createHash('sha256').update(identity).digest('base64url').slice(0, 12);
  return { etag: `W/"v${version}-${hash}"`, bodies };
}

/** If-None-Match names this ETag (weak comparison, as for every GET), or is `*`. */
export function isCurrentTag(ifNoneMatch: string | undefined, etag: string): boolean {
  const opaque = etag.replace(/^W\//, '');
  return (ifNoneMatch ?? '').split(',').some((tag) => tag.trim() === '*' || tag.trim().replace(/^W\//, '') === opaque);
}

/**
 * A JSON answer computed from the data and kept — serialised, compressed and with its ETag — until the data
 * version moves: a cached ranking of 122 rows is neither turned into text nor compressed again per request, and a
 * browser that already has it gets a 304. Called after the route's access check, so a 304 tells no one anything
 * they could not read.
 */
export async function cachedJson<T>(c: Context<AppEnv>, key: string, compute: () => Promise<T>): Promise<TypedResponse<T, 200, 'json'>> {
  const answer = await computed(c, key, async (version) => storeAnswer(JSON.stringify(await compute()), version));
  const headers: Record<string, string> = { 'Cache-Control': CACHED_JSON_CACHE_CONTROL, Vary: 'Accept-Encoding', ETag: answer.etag };
  if (isCurrentTag(c.req.header('If-None-Match'), answer.etag)) {
    return c.body(null, 304, headers) as unknown as TypedResponse<T, 200, 'json'>;
  }
  const encoding = chooseEncoding(c.req.header('Accept-Encoding'), ENCODINGS.filter((e) => answer.bodies[e]));
  if (encoding) headers['Content-Encoding'] = encoding;
  // The body is exactly what c.json would send for T (compressed when accepted); only the work is done once.
  return c.body(answer.bodies[encoding ?? 'identity']!, 200, { ...headers, 'Content-Type': 'application/json' }) as unknown as TypedResponse<T, 200, 'json'>;
}
