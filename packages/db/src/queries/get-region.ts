import type { Region } from '@dispatch/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { regions } from '../schema/regions.ts';

export async function getRegion(db: Db, code: string): Promise<Region | undefined> {
  return (await db.select().from(regions).where(eq(regions.code, code)))[0];
}
