import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { meta } from '../schema/regions.ts';
import { ClosedPeriodError } from '../write-path/errors.ts';
import { reallocationRounds } from '../schema/supervision.ts';
import { appendAudit, type Actor } from './append-audit.ts';

export type RevokeResult = 'revoked' | 'already-revoked' | 'not-found';

/**
 * 撤销资金调剂: marks the whole round revoked (kept, never deleted; its moves stop counting in every metric), bumps
 * the data version and writes the audit line, in one write transaction. The "not yet revoked" check is in the
 * UPDATE's WHERE, so of two people revoking at once exactly one succeeds. Like recording one, refused
 * (ClosedPeriodError) while a month of the round's year at or after its date is closed: its moves count from its
 * date on.
 */
export async function revokeReallocationRound(db: Db, round: number, reason: string, actor: Actor): Promise<RevokeResult> {
  return db.transaction(
    async (tx) => {
      const [revoked] = await tx
        .update(reallocationRounds)
        .set({ revokedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`, revokedBy: actor.actorId, revokeReason: reason })
        .where(and(eq(reallocationRounds.round, round), isNull(reallocationRounds.revokedAt)))
        .returning({ documentNumber: reallocationRounds.documentNumber });
      if (!revoked) {
        const [exists] = await tx.select({ round: reallocationRounds.round }).from(reallocationRounds).where(eq(reallocationRounds.round, round));
        return exists ? 'already-revoked' : 'not-found';
      }
      const closed = await tx.all<{ ym: string }>(sql`
        SELECT printf('%04d-%02d', p.year, p.month) AS ym FROM period_closures p JOIN reallocation_rounds r ON r.round = ${round}
         WHERE p.year = CAST(substr(r.reallocated_on, 1, 4) AS INTEGER) AND printf('%04d-%02d', p.year, p.month) >= substr(r.reallocated_on, 1, 7)
         ORDER BY 1`);
      if (closed.length > 0) throw new ClosedPeriodError(closed.map((r) => r.ym), 'reallocation');
      await tx.update(meta).set({ value: sql`${meta.value} + 1` }).where(eq(meta.key, 'data_version'));
      await appendAudit(tx, { ...actor, action: 'funds.revoke', regionCode: '430000', detail: { round, documentNumber: revoked.documentNumber, reason } });
      return 'revoked';
    },
    { behavior: 'immediate' },
  );
}
