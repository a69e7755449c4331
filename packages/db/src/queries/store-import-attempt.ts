import type { ImportKind, ImportProblem, ImportStatus } from '@dispatch/core';
import type { InStatement, Transaction } from '@libsql/client';
import type { Db } from '../client.ts';
import type { Actor } from './append-audit.ts';

/** How long the bytes of a dry run or a refused file are kept: the record itself stays. */
export const ATTEMPT_BYTES_DAYS = 30;

export interface ImportAttemptToStore {
  kind: ImportKind;
  fileName: string;
  sha256: string;
  bytes: Uint8Array;
  status: Exclude<ImportStatus, 'reverted'>;
  rows: number;
  problems: readonly ImportProblem[];
  counts?: { inserted: number; updated: number; unchanged: number };
  batchId?: number | null;
  /** the uploader's city; null for the province */
  scope: string | null;
}

/**
 * Keeps an upload as an attempt and answers its id. In the same batch, the bytes of dry runs and refused files
 * older than 30 days are dropped (their records stay, their reports no longer download). Given a transaction (an
 * applied upload's, from writeDataBatch's `inside`), it writes in it: the record and the data commit together.
 */
export async function storeImportAttempt(on: Db | Transaction, attempt: ImportAttemptToStore, actor: Actor): Promise<number> {
  const statements = attemptStatements(attempt, actor);
  const [, inserted] = '$client' in on ? await on.$client.batch(statements, 'write') : await on.batch(statements);
  return Number(inserted!.rows[0]!.id);
}

function attemptStatements(attempt: ImportAttemptToStore, actor: Actor): InStatement[] {
  const { counts } = attempt;
  return [
    {
      sql: `UPDATE import_attempts SET bytes = NULL WHERE status IN ('checked', 'refused') AND bytes IS NOT NULL
            AND created_at < strftime('%Y-%m-%dT%H:%M:%fZ', 'now', ?)`,
      args: [`-${ATTEMPT_BYTES_DAYS} days`],
    },
    {
      sql: `INSERT INTO import_attempts (kind, file_name, sha256, size, bytes, status, rows, problems, inserted, updated, unchanged, batch_id, scope, actor_id, actor_login)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      args: [
        attempt.kind, attempt.fileName, attempt.sha256, attempt.bytes.byteLength, attempt.bytes, attempt.status, attempt.rows,
        JSON.stringify(attempt.problems), counts?.inserted ?? 0, counts?.updated ?? 0, counts?.unchanged ?? 0, attempt.batchId ?? null,
        attempt.scope, actor.actorId, actor.actorLogin,
      ],
    },
  ];
}
