import { asc } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { periodClosures } from '../schema/data.ts';

/** The closed months, earliest first, with who closed them and when. */
export async function listClosedPeriods(db: Db) {
  return db.select().from(periodClosures).orderBy(asc(periodClosures.year), asc(periodClosures.month));
}
