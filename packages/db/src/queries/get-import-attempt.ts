import type { ImportKind, ImportProblem, ImportStatus } from '@dispatch/core';
import type { Db } from '../client.ts';

export interface StoredImportAttempt {
  id: number;
  kind: ImportKind;
  fileName: string;
  status: ImportStatus;
  problems: ImportProblem[];
  /** null once pruned */
  bytes: Uint8Array | null;
  batchId: number | null;
  scope: string | null;
}

/** One upload with its bytes and problems, for its report and its revert; undefined when there is none. */
export async function getImportAttempt(db: Db, id: number): Promise<StoredImportAttempt | undefined> {
  const { rows } = await db.$client.execute({
    sql: 'SELECT id, kind, file_name, status, problems, bytes, batch_id, scope FROM import_attempts WHERE id = ?',
    args: [id],
  });
  const row = rows[0];
  if (!row) return undefined;
  return {
    id: Number(row.id), kind: row.kind as ImportKind, fileName: String(row.file_name), status: row.status as ImportStatus,
    problems: JSON.parse(String(row.problems)) as ImportProblem[],
    bytes: row.bytes === null ? null : new Uint8Array(row.bytes as ArrayBuffer),
    batchId: row.batch_id === null ? null : Number(row.batch_id), scope: row.scope === null ? null : String(row.scope),
  };
}
