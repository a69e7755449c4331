import type { BulletinEdits } from '@dispatch/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bulletinDrafts } from '../schema/bulletins.ts';
import { appendAudit, type Actor } from './append-audit.ts';
import { getBulletinDraftEdits } from './get-bulletin-draft-edits.ts';

export type SaveDraftResult = { ok: true; version: number } | { ok: false; reason: 'stale'; current: number };

/** Only the parts written: an empty text is no text (the draft's own wording comes back). */
function normalized(edits: BulletinEdits): BulletinEdits {
  return Object.fromEntries(Object.entries(edits).filter(([, text]) => typeof text === 'string' && text.trim() !== '')) as BulletinEdits;
}

/**
 * Saves staff's text for a month's draft from the version they saw (0 for a draft never saved): the write itself
 * tests the version, in one write transaction with the audit line (before → after); a stale version changes nothing
 * and answers the current one. Saving the text already kept writes nothing.
 */
export async function saveBulletinDraftEdits(
  db: Db,
  period: string,
  edits: BulletinEdits,
  expected: number,
  actor: Actor & { actorId: number },
): Promise<SaveDraftResult> {
  const after = normalized(edits);
  return db.transaction(
    async (tx) => {
      const before = await getBulletinDraftEdits(tx, period);
      if (before.version !== expected) return { ok: false, reason: 'stale', current: before.version };
      if (JSON.stringify(before.edits) === JSON.stringify(after)) return { ok: true, version: before.version };
      const version = expected + 1;
      const value = JSON.stringify(after);
      const written = expected === 0
        ? await tx.insert(bulletinDrafts).values({ period, edits: value, version, updatedBy: actor.actorId }).onConflictDoNothing().returning({ version: bulletinDrafts.version })
        : await tx
          .update(bulletinDrafts)
          .set({ edits: value, version, updatedBy: actor.actorId, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
          .where(and(eq(bulletinDrafts.period, period), eq(bulletinDrafts.version, expected)))
          .returning({ version: bulletinDrafts.version });
      if (written.length !== 1) return { ok: false, reason: 'stale', current: (await getBulletinDraftEdits(tx, period)).version };
      await appendAudit(tx, { ...actor, action: 'bulletin.edit', regionCode: null, detail: { period, version, before: before.edits, after } });
      return { ok: true, version };
    },
    { behavior: 'immediate' },
  );
}
