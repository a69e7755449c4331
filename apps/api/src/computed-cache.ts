import { getDataVersion, type Db } from '@dispatch/db';

/**
 * Results computed from the data, kept until the database's data version moves (every write batch bumps it).
 * Holds promises, so concurrent requests for the same uncached result share one computation; a failure is not
 * kept. Bounded: the least recently used entry goes first. `compute` is told the data version it is computed
 * for, so that a result can carry it (cached-json.ts makes its ETag from it).
 */
export class ComputedCache {
  private version = -1;
  private readonly entries = new Map<string, Promise<unknown>>();

  constructor(private readonly maxEntries = 2_000) {}

  async getOrCompute<T>(db: Db, key: string, compute: (dataVersion: number) => Promise<T>): Promise<T> {
    const version = await getDataVersion(db);
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
