import type { Context, TypedResponse } from 'hono';
import type { AppEnv } from './router.ts';

/**
 * A JSON answer computed from the data and kept, already serialised, until the data version moves: a cached
 * ranking of 122 rows is sent without being turned into text again on every request.
 */
export async function cachedJson<T>(c: Context<AppEnv>, key: string, compute: () => Promise<T>): Promise<TypedResponse<T, 200, 'json'>> {
  const text = await c.get('cache').getOrCompute(c.get('db'), key, async () => JSON.stringify(await compute()));
  // The body is exactly what c.json would send for T; only the serialising is done once.
  return c.body(text, 200, { 'content-type': 'application/json' }) as unknown as TypedResponse<T, 200, 'json'>;
}
