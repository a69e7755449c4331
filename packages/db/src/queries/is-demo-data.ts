import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { dataBatches } from '../schema/data.ts';

/** Whether the data was made by the demo generator (the UI must say so). */
export async function isDemoData(db: Db): Promise<boolean> {
  return (await db.select({ id: dataBatches.id }).from(dataBatches).where(eq(dataBatches.kind, 'demo')).limit(1)).length > 0;
}
