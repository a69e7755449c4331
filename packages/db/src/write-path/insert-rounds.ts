import type { Transaction } from '@libsql/client';
import { multiRowInsertStatements } from '../bulk-insert.ts';
import { jsonOf } from './logged-tables.ts';

/** A reallocation round (资金调剂) with its moves; without `round` it is numbered one above every round so far. */
export interface RoundInput {
  round?: number;
  /** 'YYYY-MM-DD' */
  reallocatedOn: string;
  documentNumber: string;
  note: string | null;
  /** null for the demo's rounds */
  recordedBy: number | null;
  moves: readonly { fromCode: string; toCode: string; amount: number }[];
}

/** Inserts the rounds and their moves, logged as inserted; answers the rounds' numbers. Rounds are never updated. */
export async function insertRounds(tx: Transaction, batchId: number, rounds: readonly RoundInput[]): Promise<number[]> {
  if (rounds.length === 0) return [];
  const { rows } = await tx.execute('SELECT MAX(round) AS last FROM (SELECT round FROM reallocation_rounds UNION ALL SELECT round FROM fund_reallocations)');
  let next = Number(rows[0]?.last ?? 0) + 1;
  const numbered = rounds.map((r) => ({ ...r, round: r.round ?? next++ }));
  const numbers = numbered.map((r) => r.round);
  const inList = numbers.join(',');
  await tx.batch([
    ...multiRowInsertStatements('reallocation_rounds', ['round', 'reallocated_on', 'document_number', 'note', 'recorded_by', 'batch_id'],
      numbered.map((r) => [r.round, r.reallocatedOn, r.documentNumber, r.note, r.recordedBy, batchId])),
    ...multiRowInsertStatements('fund_reallocations', ['round', 'from_code', 'to_code', 'amount', 'reallocated_on', 'batch_id'],
      numbered.flatMap((r) => r.moves.map((m) => [r.round, m.fromCode, m.toCode, m.amount, r.reallocatedOn, batchId]))),
    {
      sql: `INSERT INTO data_changes (batch_id, table_name, natural_key, before, after)
            SELECT ?, 'reallocation_rounds', CAST(round AS TEXT), NULL, ${jsonOf('reallocation_rounds', (c) => c)} FROM reallocation_rounds WHERE round IN (${inList})
            UNION ALL
            SELECT ?, 'fund_reallocations', round || ':' || from_code || ':' || to_code, NULL, ${jsonOf('fund_reallocations', (c) => c)} FROM fund_reallocations WHERE round IN (${inList})`,
      args: [batchId, batchId],
    },
  ]);
  return numbers;
}
