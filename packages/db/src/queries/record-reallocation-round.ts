import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { fundReallocations } from '../schema/data.ts';
import { meta } from '../schema/regions.ts';
import { reallocationRounds } from '../schema/supervision.ts';
import { appendAudit, type Actor } from './append-audit.ts';

/** The provincial pool: a line's money comes from it (+) or goes back to it (−). */
const POOL = '430000';

export interface RoundRecord {
  /** 'YYYY-MM-DD' */
  date: string;
  documentNumber: string;
  note: string | null;
  /** + received from the pool, − given back to it; yuan; one line per region */
  lines: readonly { regionCode: string; regionName: string; amount: number }[];
  /**
   * The data version the caller checked the lines against (a donor's unspent budget): the round is refused with
   * `StaleDataError` if any data was written since, so a check and this write cannot be split by another round.
   */
  dataVersion?: number;
}

export class StaleDataError extends Error {
  constructor() {
    super('数据已在此期间变化（另一轮调剂或数据更新），请刷新后重新核对再登记');
  }
}

/**
 * 登记资金调剂: in one write transaction, bumps the data version (every cached metric is recomputed), numbers the
 * round (one above every round so far), stores it with its moves — a line +X for region R is a move of X from the
 * provincial pool to R, −X a move from R to the pool, so a balanced round nets to zero in the province — and writes
 * the audit line with the lines. Answers the round's number.
 */
export async function recordReallocationRound(db: Db, record: RoundRecord, actor: Actor): Promise<number> {
  return db.transaction(
    async (tx) => {
      const bumped = await tx
        .update(meta)
        .set({ value: sql`${meta.value} + 1` })
        .where(and(eq(meta.key, 'data_version'), record.dataVersion === undefined ? undefined : eq(meta.value, record.dataVersion)))
        .returning({ value: meta.value });
      if (bumped.length === 0) throw new StaleDataError();
      const [last] = await tx
        .select({ round: sql<number>`MAX(round)` })
        .from(sql`(SELECT round FROM reallocation_rounds UNION ALL SELECT round FROM fund_reallocations)`);
      const round = (last?.round ?? 0) + 1;
      await tx.insert(reallocationRounds).values({
        round, reallocatedOn: record.date, documentNumber: record.documentNumber, note: record.note, recordedBy: actor.actorId,
      });
      await tx.insert(fundReallocations).values(
        record.lines.map(({ regionCode, amount }) => ({
          round,
          fromCode: amount > 0 ? POOL : regionCode,
          toCode: amount > 0 ? regionCode : POOL,
          amount: Math.abs(amount),
          reallocatedOn: record.date,
        })),
      );
      await appendAudit(tx, {
        ...actor, action: 'funds.round', regionCode: POOL,
        detail: { round, date: record.date, documentNumber: record.documentNumber, note: record.note, lines: record.lines },
      });
      return round;
    },
    { behavior: 'immediate' },
  );
}
