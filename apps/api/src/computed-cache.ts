import { cacheVersionOf } from '@dispatch/db';
import type { Context } from 'hono';
import type { AppEnv } from './router.ts';
import { requestVersions } from './versions.ts';

/**
 * Results computed from the data and the settings, kept until either moves (every write of data bumps the data
 * version, every change of settings the settings version; the request's versions, read once per request, say
 * which are current).
 * Holds promises, so concurrent requests for the same uncached result share one computation; a failure is not
 * kept. Bounded: the least recently used entry goes first; large results (rendered files) can be bounded more
 * tightly as a group, the keys starting with `group|`. `compute` is told the version it is computed for, so that a
 * result can carry it (cached-json.ts makes its ETag from it).
 */
export class ComputedCache {
  private version = '';
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 2_000) {}

  /** @param version the data and settings versions current for the request, as cacheVersion makes them */
  getOrCompute<T>(version: string, key: string, compute: (version: string) => Promise<T>, bound?: { group: string; max: number }): Promise<T> {
    if (version !== this.version) {
      this.entries.clear();
      this.version = version;
    }
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const pending = compute(version);
    this.entries.set(key, pending);
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    if (bound) this.evictGroup(`${bound.group}|`, bound.max);
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    return pending;
  }

  /** Keeps at most `max` entries whose key starts with `prefix`, dropping the least recently used. */
  private evictGroup(prefix: string, max: number): void {
    const keys = [...this.entries.keys()].filter((key) => key.startsWith(prefix));
    for (const key of keys.slice(0, Math.max(0, keys.length - max))) this.entries.delete(key);
  }
}

/** What every cached answer depends on, as one value: the data and settings versions, "12.3" (as getCacheVersion reads it). */
export const cacheVersion = cacheVersionOf;

/** The app's computed cache at the request's versions (read once per request, shared with the access guard). */
export async function computed<T>(c: Context<AppEnv>, key: string, compute: (version: string) => Promise<T>, bound?: { group: string; max: number }): Promise<T> {
  return c.get('cache').getOrCompute(cacheVersion(await requestVersions(c)), key, compute, bound);
}
