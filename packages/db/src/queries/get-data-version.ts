import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { meta } from '../schema/regions.ts';

/** Goes up in every write batch: readers compare it to know whether what they computed earlier is still current. */
export async function getDataVersion(db: Db): Promise<number> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, 'data_version'));
  return row?.value ?? 0;
}
