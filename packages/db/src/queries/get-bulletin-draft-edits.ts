import { BulletinEditsSchema, type BulletinDraftEdits } from '@dispatch/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/access.ts';
import { bulletinDrafts } from '../schema/bulletins.ts';

/** What staff wrote into a month's draft, at its version; version 0 (and no edits) while nothing was saved. */
export async function getBulletinDraftEdits(db: Pick<Db, 'select'>, period: string): Promise<BulletinDraftEdits> {
  const [row] = await db
    .select({ edits: bulletinDrafts.edits, version: bulletinDrafts.version, updatedBy: users.displayName, updatedAt: bulletinDrafts.updatedAt })
    .from(bulletinDrafts)
    .innerJoin(users, eq(users.id, bulletinDrafts.updatedBy))
    .where(eq(bulletinDrafts.period, period));
  if (!row) return { period, edits: {}, version: 0, updatedBy: null, updatedAt: null };
  // A stored text is read back through the contract, so an edit never reaches a document unchecked.
  return { period, ...row, edits: BulletinEditsSchema.parse(JSON.parse(row.edits)) };
}
