import { asc, eq } from 'drizzle-orm';
import type { Region } from '@dispatch/core';
import type { Db } from '../client.ts';
import { regions } from '../schema.ts';

export async function getRegions(db: Db): Promise<Region[]> {
  return db.select().from(regions).orderBy(asc(regions.code));
}

export async function getRegion(db: Db, code: string): Promise<Region | undefined> {
  const [region] = await db.select().from(regions).where(eq(regions.code, code));
  return region;
}
