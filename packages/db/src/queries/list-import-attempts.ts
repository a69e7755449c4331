import type { ImportRecord } from '@dispatch/core';
import type { Db } from '../client.ts';

/**
 * 导入历史: the uploads, newest first, with who made and who reverted each (their names), the counts and the
 * number of problems — every one, only those of a city's scope, or one by its id.
 */
export async function listImportAttempts(db: Db, { scope, id, limit = 200 }: { scope?: string; id?: number; limit?: number } = {}): Promise<ImportRecord[]> {
  const { rows } = await db.$client.execute({
    sql: `SELECT a.id, a.kind, a.file_name, a.sha256, a.size, a.status, a.rows, json_array_length(a.problems) AS errors,
                 a.inserted, a.updated, a.unchanged, a.batch_id, a.scope, a.actor_login, u.display_name AS actor_name, a.created_at,
                 a.reverted_by_login, r.display_name AS reverted_name, a.reverted_at
          FROM import_attempts a
          LEFT JOIN users u ON u.id = a.actor_id
          LEFT JOIN users r ON r.id = a.reverted_by_id
          WHERE (?1 IS NULL OR a.scope = ?1) AND (?3 IS NULL OR a.id = ?3)
          ORDER BY a.id DESC LIMIT ?2`,
    args: [scope ?? null, limit, id ?? null],
  });
  const text = (v: unknown) => (v === null ? null : String(v));
  return rows.map((r) => ({
    id: Number(r.id), kind: r.kind as ImportRecord['kind'], fileName: String(r.file_name), sha256: String(r.sha256), size: Number(r.size),
    status: r.status as ImportRecord['status'], rows: Number(r.rows), errors: Number(r.errors),
    inserted: Number(r.inserted), updated: Number(r.updated), unchanged: Number(r.unchanged),
    batchId: r.batch_id === null ? null : Number(r.batch_id), scope: text(r.scope),
    importedBy: { login: String(r.actor_login), name: text(r.actor_name) ?? String(r.actor_login) },
    importedAt: String(r.created_at),
    revertedBy: r.reverted_by_login === null ? null : { login: String(r.reverted_by_login), name: text(r.reverted_name) ?? String(r.reverted_by_login) },
    revertedAt: text(r.reverted_at),
  }));
}
