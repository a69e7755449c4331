import { inArray } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { meta } from '../schema/regions.ts';
import { cacheVersionOf } from './get-versions.ts';

/**
 * What every cached answer depends on, as one value: the data version (bumped by every write of data) and the
 * settings version (bumped by every change of settings), "12.3".
 */
export async function getCacheVersion(db: Db): Promise<string> {
  const rows = await db.select().from(meta).where(inArray(meta.key, ['data_version', 'settings_version']));
  const version = (key: string) => Number(rows.find((row) => row.key === key)?.value ?? 0);
  return cacheVersionOf({ data: version('data_version'), settings: version('settings_version') });
}
