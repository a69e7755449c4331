import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { meta } from '../schema/regions.ts';

/** The data version alone: bumped by every write of data (a check made against it can be confirmed at write time). */
export async function getDataVersion(db: Db): Promise<number> {
  const [row] = await db.select({ value: meta.value }).from(meta).where(eq(meta.key, 'data_version'));
  return row?.value ?? 0;
}
