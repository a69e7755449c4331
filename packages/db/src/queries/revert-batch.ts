import { LibsqlError, type InStatement, type Transaction } from '@libsql/client';
import { formatBeijingTime } from '@dispatch/core';
import type { Db } from '../client.ts';
import { RevertRefusedError } from '../write-path/errors.ts';
import { insertsOf, LOGGED_TABLES, refuseClosedMonths, touchedRegions, UNLOGGED_INSERTS, type LoggedTable } from '../write-path/logged-tables.ts';
import { appendAudit, type Actor } from './append-audit.ts';
import { refreshMonthlyRollupStatements } from './refresh-monthly-rollup.ts';

export interface RevertResult {
  /** the revert's own batch */
  batchId: number;
  /** rows put back to their previous version */
  restored: number;
  /** rows the batch had inserted, deleted */
  deleted: number;
}

/**
 * 撤销导入: restores exactly the previous version of every row a batch changed (deletes what it inserted, puts
 * back `before` of what it updated), as a new 'revert' batch with its own change log, rollup, data version and
 * audit line, in one write transaction. Refused (RevertRefusedError) for a revert, a batch already reverted, or
 * one whose rows a later batch not reverted changed again — that one first; ClosedPeriodError for a closed month.
 * `inside` runs further writes in the same transaction, last before the commit.
 */
export async function revertBatch(db: Db, batchId: number, actor: Actor, inside?: (tx: Transaction, result: RevertResult) => Promise<void>): Promise<RevertResult> {
  const tx = await db.$client.transaction('write');
  try {
    await refuseRevert(tx, batchId);
    const created = await tx.execute({
      sql: "INSERT INTO data_batches (kind, label, actor_id, actor_login, reverts) VALUES ('revert', ?, ?, ?, ?) RETURNING id",
      args: [`撤销第${batchId}次导入`, actor.actorId, actor.actorLogin, batchId],
    });
    const revertId = Number(created.rows[0]!.id);
    // The revert's log: each row goes from the batch's version back to the one before it; the batch's unlogged
    // inserts are logged here as deleted, with the version they had.
    await tx.batch([
      {
        sql: 'INSERT INTO data_changes (batch_id, table_name, natural_key, before, after) SELECT ?, table_name, natural_key, after, before FROM data_changes WHERE batch_id = ? ORDER BY id',
        args: [revertId, batchId],
      },
      { sql: `INSERT INTO data_changes (batch_id, table_name, natural_key, before, after) SELECT ?1, t, k, a, NULL FROM (${insertsOf('?2')})`, args: [revertId, batchId] },
    ]);
    await refuseClosedMonths(tx, revertId);
    const regions = await touchedRegions(tx, revertId);
    const { restored, deleted } = await restore(tx, batchId, revertId);
    const auditLine = appendAudit(db, { ...actor, action: 'data.revert', regionCode: '430000', detail: { batchId, revertBatchId: revertId, restored, deleted } }).toSQL();
    await tx.batch([
      forgetEmptiedArrivals(batchId),
      ...refreshMonthlyRollupStatements(regions),
      { sql: 'UPDATE data_batches SET updated = ?, deleted = ? WHERE id = ?', args: [restored, deleted, revertId] },
      { sql: 'UPDATE data_batches SET reverted_by = ? WHERE id = ?', args: [revertId, batchId] },
      { sql: auditLine.sql, args: auditLine.params as never },
    ]);
    const result = { batchId: revertId, restored, deleted };
    await inside?.(tx, result); // e.g. the upload's record marked reverted: one transaction with the revert
    await tx.commit();
    return result;
  } finally {
    tx.close();
  }
}

/**
 * A region's month arrives with the region's rows (those dated in it, and any of the region's rows in a file running
 * to it: see writeDataBatch): a region-month the reverted batch had data arrive for that now has no row that could
 * have carried it — no class finished in the month, no class opened and no audit from the year's start to the
 * month's end — loses every arrival (a later upload that found the batch's rows unchanged "arrived" only through
 * them), so the month shows as not submitted again. One that still has such rows keeps the arrivals of the other
 * uploads.
 */
function forgetEmptiedArrivals(batchId: number): InStatement {
  const inMonth = (column: string) => `${column} BETWEEN printf('%04d-%02d-01', e.year, e.month) AND printf('%04d-%02d-31', e.year, e.month)`;
  const toMonth = (column: string) => `${column} BETWEEN printf('%04d-01-01', e.year) AND printf('%04d-%02d-31', e.year, e.month)`;
  return {
    sql: `DELETE FROM data_arrivals WHERE (region_code, year, month) IN (
            SELECT e.region_code, e.year, e.month FROM data_arrivals e WHERE e.batch_id = ?
               AND NOT EXISTS (SELECT 1 FROM training_classes c WHERE c.region_code = e.region_code AND ${toMonth('c.opened_on')})
               AND NOT EXISTS (SELECT 1 FROM training_classes c WHERE c.region_code = e.region_code AND ${inMonth('c.finished_on')})
               AND NOT EXISTS (SELECT 1 FROM fund_audits a JOIN training_classes c ON c.id = a.class_id WHERE c.region_code = e.region_code AND ${toMonth('a.audited_on')}))`,
    args: [batchId],
  };
}

async function refuseRevert(tx: Transaction, batchId: number): Promise<void> {
  const { rows } = await tx.execute({ sql: 'SELECT kind, reverted_by FROM data_batches WHERE id = ?', args: [batchId] });
  const batch = rows[0];
  if (!batch) throw new RevertRefusedError(`没有第${batchId}次导入`);
  if (batch.kind === 'revert') throw new RevertRefusedError('撤销记录本身不能再撤销');
  if (batch.reverted_by !== null) throw new RevertRefusedError(`第${batchId}次导入已于第${String(batch.reverted_by)}批撤销，不能重复撤销`);
  const later = await tx.execute({
    sql: `SELECT MAX(l.batch_id) AS later FROM data_changes d
          JOIN data_changes l ON l.table_name = d.table_name AND l.natural_key = d.natural_key AND l.batch_id > d.batch_id
          JOIN data_batches lb ON lb.id = l.batch_id AND lb.kind <> 'revert' AND lb.reverted_by IS NULL
          WHERE d.batch_id = ?1
          UNION ALL
          -- a row the batch inserted (unlogged) that a later batch changed: that one's log holds the batch's version
          SELECT MAX(l.batch_id) FROM data_changes l JOIN data_batches lb ON lb.id = l.batch_id AND lb.kind <> 'revert' AND lb.reverted_by IS NULL
          WHERE l.batch_id > ?1 AND l.table_name IN (${UNLOGGED_INSERTS.map((t) => `'${t}'`).join(', ')}) AND json_extract(l.before, '$.batch_id') = ?1
          ORDER BY 1 DESC LIMIT 1`,
    args: [batchId],
  });
  const referencing = await tx.execute({
    sql: `WITH ins(t, k) AS (SELECT table_name, natural_key FROM data_changes WHERE batch_id = ?1 AND before IS NULL UNION ALL SELECT t, k FROM (${insertsOf('?1')}))
          SELECT MAX(b) AS later FROM (
            SELECT a.batch_id AS b FROM fund_audits a JOIN training_classes c ON c.id = a.class_id WHERE c.class_no IN (SELECT k FROM ins WHERE t = 'training_classes')
            UNION ALL SELECT c.batch_id FROM training_classes c JOIN institutions i ON i.id = c.institution_id WHERE i.name IN (SELECT k FROM ins WHERE t = 'institutions')
            UNION ALL SELECT c.batch_id FROM training_classes c JOIN occupations o ON o.id = c.occupation_id WHERE o.name IN (SELECT k FROM ins WHERE t = 'occupations')
          ) WHERE b <> ?1`,
    args: [batchId],
  });
  const laterId = later.rows[0]?.later ?? referencing.rows[0]?.later;
  if (laterId !== null && laterId !== undefined) {
    throw new RevertRefusedError(await blockedMessage(tx, Number(laterId)), Number(laterId));
  }
}

const minute = (iso: unknown) => formatBeijingTime(String(iso)).slice(0, 16);

/**
 * The refusal naming the later batch as the people who see the history know it: an upload by its time, file and
 * record number (导入历史's 第N号, not the internal batch id), a reallocation round by its number and document, any
 * other batch by its time and label.
 */
async function blockedMessage(tx: Transaction, batchId: number): Promise<string> {
  const { rows } = await tx.execute({
    sql: `SELECT b.kind, b.label, b.created_at, a.id AS attempt, a.file_name, a.created_at AS uploaded_at, r.round, r.document_number
          FROM data_batches b
          LEFT JOIN import_attempts a ON a.batch_id = b.id
          LEFT JOIN reallocation_rounds r ON r.batch_id = b.id
          WHERE b.id = ? LIMIT 1`,
    args: [batchId],
  });
  const b = rows[0]!;
  if (b.attempt !== null) {
    return `之后的导入又修改了本次导入的数据，请先撤销 ${minute(b.uploaded_at)} 导入的「${String(b.file_name)}」（第${String(b.attempt)}号）`;
  }
  if (b.kind === 'reallocation' && b.round !== null) {
    return `之后 ${minute(b.created_at)} 登记的第${String(b.round)}轮资金调剂（文号 ${String(b.document_number)}）又修改了本次导入的数据，不能撤销`;
  }
  return `之后 ${minute(b.created_at)} 写入的「${String(b.label)}」（第${batchId}批数据）又修改了本次导入的数据，请先撤销它`;
}

/** Puts back `before` of the updated rows, then deletes the inserted ones (the revert's log's deletions), a row before what it references. */
async function restore(tx: Transaction, batchId: number, revertId: number): Promise<{ restored: number; deleted: number }> {
  let restored = 0;
  let deleted = 0;
  const tables = Object.entries(LOGGED_TABLES) as [LoggedTable, (typeof LOGGED_TABLES)[LoggedTable]][];
  const changes = (which: 'IS NULL' | 'IS NOT NULL') => `FROM data_changes d WHERE d.batch_id = ? AND d.table_name = ? AND d.before ${which}`;
  for (const [table, { key, columns }] of tables) {
    if (columns.length === 0) continue;
    const sets = columns.map((c) => `${c} = json_extract(d.before, '$.${c}')`).join(', ');
    const done = await tx.execute({ sql: `UPDATE ${table} SET ${sets} ${changes('IS NOT NULL')} AND d.natural_key = ${qualify(table, key)}`, args: [batchId, table] });
    restored += done.rowsAffected;
  }
  try {
    for (const [table, { key }] of tables) {
      // what the revert's log has as deleted: the batch's inserts, logged or not
      const done = await tx.execute({ sql: `DELETE FROM ${table} WHERE ${key} IN (SELECT d.natural_key FROM data_changes d WHERE d.batch_id = ? AND d.table_name = ? AND d.after IS NULL)`, args: [revertId, table] });
      deleted += done.rowsAffected;
    }
  } catch (err) {
    if (err instanceof LibsqlError && /FOREIGN KEY/i.test(err.message)) {
      throw new RevertRefusedError('本次导入新增的数据已被之后的导入引用（如资金审核引用了新增的培训班），请先撤销之后的导入');
    }
    throw err;
  }
  return { restored, deleted };
}

/** The natural key's SQL with the table's columns qualified (inside UPDATE … FROM data_changes). */
function qualify(table: string, key: string): string {
  return key.replace(/\b(audit_no|class_no|round|from_code|to_code|region_code|year|name|code)\b/g, `${table}.$1`);
}
