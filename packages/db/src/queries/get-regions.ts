import type { Region } from '@dispatch/core';
import { asc } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { regions } from '../schema/regions.ts';

export async function getRegions(db: Db): Promise<Region[]> {
  return db.select().from(regions).orderBy(asc(regions.code));
}
