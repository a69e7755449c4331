import { getCacheVersion, type Db } from '@dispatch/db';

/**
 * Results computed from the data and the settings, kept until either moves (every write of data bumps the data
 * version, every change of settings the settings version; getCacheVersion reads both).
 * Holds promises, so concurrent requests for the same uncached result share one computation; a failure is not
 * kept. Bounded: the least recently used entry goes first. `compute` is told the version it is computed
 * for, so that a result can carry it (cached-json.ts makes its ETag from it).
 */
export class ComputedCache {
  private version = '';
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 2_000) {}

  async getOrCompute<T>(db: Db, key: string, compute: (version: string) => Promise<T>): Promise<T> {
    const version = await getCacheVersion(db);
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
    pending.catch(() => {
      if (this.entries.get(key) === pending) this.entries.delete(key);
    });
    return pending;
  }
}
