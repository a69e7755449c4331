import type { Db } from '../client.ts';
import type { Actor } from './append-audit.ts';
import { writeDataBatch } from './write-data-batch.ts';

export { StaleDataError } from '../write-path/errors.ts';

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

/**
 * 登记资金调剂: a 'reallocation' batch of the one write path (writeDataBatch: one write transaction, change log,
 * data version, audit line) that checks the data version inside it, numbers the round (one above every round so far),
 * stores it with its moves — a line +X for region R is a move of X from the
 * provincial pool to R, −X a move from R to the pool, so a balanced round nets to zero in the province — and writes
 * the audit line with the lines. Answers the round's number.
 */
export async function recordReallocationRound(db: Db, record: RoundRecord, actor: Actor): Promise<number> {
  const { rounds } = await writeDataBatch(
    db,
    {
      kind: 'reallocation',
      label: `资金调剂 ${record.documentNumber}`,
      rounds: [{
        reallocatedOn: record.date, documentNumber: record.documentNumber, note: record.note, recordedBy: actor.actorId,
        moves: record.lines.map(({ regionCode, amount }) => ({
          fromCode: amount > 0 ? POOL : regionCode,
          toCode: amount > 0 ? regionCode : POOL,
          amount: Math.abs(amount),
        })),
      }],
    },
    {
      actor,
      ...(record.dataVersion === undefined ? {} : { expectDataVersion: record.dataVersion }),
      audit: ({ rounds: [round] }) => ({
        action: 'funds.round', regionCode: POOL,
        detail: { round, date: record.date, documentNumber: record.documentNumber, note: record.note, lines: record.lines },
      }),
    },
  );
  return rounds[0]!;
}
