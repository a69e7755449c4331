import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { meta } from '../schema/regions.ts';

/**
 * The statement that bumps the auth version, for the batch of every revocation (sign-out, new password, account
 * changed or stopped): each server process drops the sessions it keeps in memory on its next request.
 */
export function bumpAuthVersion(db: Db) {
  return db.update(meta).set({ value: sql`${meta.value} + 1` }).where(eq(meta.key, 'auth_version'));
}
