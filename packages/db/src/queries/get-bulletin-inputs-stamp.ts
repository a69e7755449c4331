import { sql } from 'drizzle-orm';
import type { Db } from '../client.ts';

/**
 * A cheap mark of what a month's bulletin is made from beyond the data and settings versions (getCacheVersion), which
 * writes of supervision actions, notes and rounds need not bump: each table's row count, latest change and the sum of
 * its rows' versions (two changes in the same millisecond still move it). Any change to them changes the mark; the
 * draft's cache key includes it.
 */
export async function getBulletinInputsStamp(db: Pick<Db, 'all'>, period: string): Promise<string> {
  const [row] = await db.all<{ actions: string; notes: string; rounds: string }>(sql`
    SELECT
      (SELECT count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(sum(version), 0) FROM supervision_actions) AS actions,
      (SELECT count(*) || ':' || coalesce(max(updated_at), '') || ':' || coalesce(sum(version), 0) FROM region_notes WHERE period = ${period}) AS notes,
      (SELECT count(*) || ':' || coalesce(max(recorded_at), '') || ':' || coalesce(max(revoked_at), '') FROM reallocation_rounds) AS rounds`);
  return `a${row!.actions}|n${row!.notes}|r${row!.rounds}`;
}
