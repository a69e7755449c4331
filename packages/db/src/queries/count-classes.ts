import { count } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { trainingClasses } from '../schema/data.ts';

export async function countClasses(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(trainingClasses);
  return row!.n;
}
