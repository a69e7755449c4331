import type { Region } from '@dispatch/core';
import type { Db } from '../client.ts';
import { regions } from '../schema/regions.ts';

/** Inserts the registry's regions that are missing; existing rows keep their names. */
export async function loadRegions(db: Db, registry: readonly Region[]): Promise<void> {
  await db.insert(regions).values([...registry]).onConflictDoNothing();
}
