import type { ImportKind } from '@dispatch/core';
import type { Transaction } from '@libsql/client';
import type { Db } from '../client.ts';
import { insertRounds, type RoundInput } from '../write-path/insert-rounds.ts';
import { refuseClosedMonths } from '../write-path/logged-tables.ts';
import { insertNewClassesStatement, stageClassesStatement } from '../write-path/class-chunks.ts';
import { classRowsStream, type ClassStream } from '../write-path/class-staging.ts';
import { DataAlreadyPresentError, StaleDataError, UnknownReferenceError, type RefusedRow } from '../write-path/errors.ts';
import { classesOutOfScope, knownReferences, refuseOutOfScope, resolveAuditClasses, insertNewReferences } from '../write-path/resolve-references.ts';
import { refreshTouchedMonthsStatements, type StagedClassMonths } from '../write-path/rollup-months.ts';
import { createStagesStatements, dropStagesStatements, stageStatements, type DataBatchRows } from '../write-path/stage-rows.ts';
import { upsertStaged, type Counts } from '../write-path/upsert-staged.ts';
import { appendAudit, type Actor, type AuditEntry } from './append-audit.ts';

export interface DataBatch extends DataBatchRows {
  kind: 'demo' | 'import' | 'reallocation';
  label: string;
  importKind?: ImportKind;
  fileName?: string;
  /** hex SHA-256 of the file */
  sha256?: string;
  rounds?: readonly RoundInput[];
  /**
   * The classes as they are read and checked (an import's file, in a worker thread), in place of `classes`: staged
   * inside the transaction while the rest of the file is checked; a refusal it throws rolls the write back.
   */
  classStream?: ClassStream;
}

export interface WriteResult extends Counts {
  /** the batch's id (for a dry run, the id it would have had) */
  batchId: number;
  /** the numbers of the reallocation rounds written */
  rounds: number[];
}

export interface WriteOptions {
  actor: Actor;
  /** compute the same counts, then roll back */
  dryRun?: boolean;
  /** a city's code: every row must be of the city or one of its counties (OutOfScopeError) */
  scope?: string;
  /** refuse (StaleDataError) if any data was written since the caller read this data version */
  expectDataVersion?: number;
  /** refuse (DataAlreadyPresentError) if any class is stored: the demo fills only an empty database */
  requireEmpty?: boolean;
  /** the audit line; by default 'data.<kind>' with the batch's kind, file and counts */
  audit?: (result: WriteResult) => Pick<AuditEntry, 'action' | 'regionCode' | 'detail'>;
  /**
   * Further writes that belong to the same transaction (the upload's record): run last, before the commit, so a
   * failure or a crash leaves neither the data nor them. Not run for a dry run.
   */
  inside?: (tx: Transaction, result: WriteResult) => Promise<void>;
}

/**
 * 写入数据: the one write path of data. In one write transaction — every check inside it — allocates the batch,
 * stages the rows in TEMP tables and upserts them by natural key set-based (classes by class_no — a chunk of new
 * classes only goes straight in — audits by audit_no, targets and allocations by region and year into
 * annual_targets: a new region-year gets 0 for the column the batch does not give), creating the institutions and
 * occupations classes name, logs each changed row's previous version, refuses rows outside `scope` or changing a
 * closed month, records the months that data arrived for, refreshes the rollup of the touched regions with the data
 * version, and appends the audit line.
 */
export async function writeDataBatch(db: Db, batch: DataBatch, options: WriteOptions): Promise<WriteResult> {
  const staged = stageStatements(batch); // refuses duplicate keys before the transaction
  const tx = await db.$client.transaction('write');
  try {
    await tx.batch([...createStagesStatements(), ...staged]);
    await checkPreconditions(tx, options);
    const { actor } = options;
    const created = await tx.execute({
      sql: 'INSERT INTO data_batches (kind, label, import_kind, file_name, sha256, actor_id, actor_login) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id',
      args: [batch.kind, batch.label, batch.importKind ?? null, batch.fileName ?? null, batch.sha256 ?? null, actor.actorId, actor.actorLogin],
    });
    const batchId = Number(created.rows[0]!.id);
    const { counts, classes } = await upsertRows(tx, batchId, batch, options.scope);
    const rounds = await insertRounds(tx, batchId, batch.rounds ?? []);
    counts.inserted += await countMoves(tx, batchId);
    await refuseClosedMonths(tx, batchId);
    const result: WriteResult = { batchId, ...counts, rounds };
    await finishBatch(tx, db, batchId, result, classes, {
      ...actor,
      ...(options.audit?.(result) ?? {
        action: `data.${batch.kind}`, regionCode: options.scope ?? '430000',
        detail: { batchId, importKind: batch.importKind ?? null, fileName: batch.fileName ?? null, sha256: batch.sha256 ?? null, ...counts },
      }),
    });
    await tx.batch(dropStagesStatements());
    if (options.dryRun) {
      await tx.rollback();
    } else {
      await options.inside?.(tx, result);
      await commitWithoutCheckpoint(db, tx);
    }
    return result;
  } finally {
    tx.close(); // rolls back unless committed
  }
}

/** SQLite's own threshold (pages of WAL) for a checkpoint at a commit, put back once the write has committed. */
const AUTO_CHECKPOINT_PAGES = 1000;

/** The clients whose last large write's checkpoint has not run yet. */
const checkpointOwed = new WeakSet<object>();

/**
 * Commits (the write is durable once its WAL is synced), leaving the checkpoint — copying the WAL's pages into the
 * database file, which SQLite does at the commit that takes the WAL past 1,000 pages — to just after the caller has
 * its answer: a year of classes writes ~1,400 pages, five years ~6,000, and the checkpoint was half of such a
 * commit's time. The same connection then checkpoints at commits again (the setting is the connection's). A write
 * that commits while the checkpoint of the one before is still to come (several uploads at once) commits as SQLite
 * does, checkpointing both: the WAL never holds more than two writes. A remote libSQL server keeps its own WAL: there,
 * a plain commit.
 */
async function commitWithoutCheckpoint(db: Db, tx: Transaction): Promise<void> {
  const client = db.$client;
  if (client.protocol !== 'file' || checkpointOwed.has(client)) return tx.commit();
  await tx.execute('PRAGMA wal_autocheckpoint = 0');
  try {
    // one call, so that the setting goes back on the transaction's own connection right after its commit (the
    // transaction takes no statement once committed)
    await tx.executeMultiple(`COMMIT; PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES};`);
  } catch (error) {
    // not committed: the transaction is still open (the caller's close rolls it back); the setting goes back first
    if (!tx.closed) await tx.execute(`PRAGMA wal_autocheckpoint = ${AUTO_CHECKPOINT_PAGES}`).catch(() => undefined);
    throw error;
  }
  checkpointOwed.add(client);
  setImmediate(() => {
    // PASSIVE: copies what no reader still needs, waits for nobody; a database closed meanwhile has nothing to copy
    client.execute('PRAGMA wal_checkpoint(PASSIVE)').catch(() => undefined).finally(() => checkpointOwed.delete(client));
  });
}

async function checkPreconditions(tx: Transaction, options: WriteOptions): Promise<void> {
  if (options.expectDataVersion !== undefined) {
    const { rows } = await tx.execute("SELECT value FROM meta WHERE key = 'data_version'");
    if (Number(rows[0]?.value ?? 0) !== options.expectDataVersion) throw new StaleDataError();
  }
  if (options.requireEmpty) {
    const { rows } = await tx.execute('SELECT EXISTS (SELECT 1 FROM training_classes) AS filled');
    if (Number(rows[0]!.filled)) throw new DataAlreadyPresentError();
  }
}

/**
 * Reference data first (not counted: the counts are the batch's own rows), then the classes chunk by chunk as they
 * come (its rows checked for scope; the names a chunk is first to give, inserted with the ids its classes were staged
 * with; its classes not stored yet inserted straight, those stored before staged and upserted — none once any row is
 * refused: the batch will roll back), then audits, targets.
 */
async function upsertRows(tx: Transaction, batchId: number, batch: DataBatch, scope: string | undefined): Promise<{ counts: Counts; classes: StagedClassMonths }> {
  const byName = { keyColumns: ['name'], hasId: true } as const;
  await upsertStaged(tx, batchId, { table: 'training_types', stage: 's_types', match: (s) => `t.code = ${s}.code`, keyColumns: ['code'], hasId: true });
  await upsertStaged(tx, batchId, { table: 'occupations', stage: 's_occupations', match: (s) => `t.name = ${s}.name`, ...byName });
  await upsertStaged(tx, batchId, { table: 'institutions', stage: 's_institutions', match: (s) => `t.name = ${s}.name`, ...byName });
  const classes: Counts = { inserted: 0, updated: 0, unchanged: 0 };
  const outOfScope: RefusedRow[] = [];
  const unknownTypes: RefusedRow[] = [];
  /** the months of the chunks whose classes went straight in (not staged: the rollup finds them here) */
  const insertedMonths: string[] = [];
  // A chunk's classes go straight into training_classes while the chunks bring new classes only (a new month's file);
  // once one brings classes stored before, the chunks are staged and compared (upsertStaged) until one is all new.
  let straight = true;
  const stream = batch.classStream ?? (batch.classes?.length ? classRowsStream(batch.classes) : undefined);
  for await (const chunk of stream ? stream.chunks(await knownReferences(tx)) : []) {
    if (scope !== undefined) outOfScope.push(...(await classesOutOfScope(tx, scope, chunk)));
    unknownTypes.push(...chunk.unknownTrainingTypes);
    if (outOfScope.length || unknownTypes.length) continue; // refused below, once every row is named
    if (chunk.newInstitutions.length || chunk.newOccupations.length) await tx.batch(insertNewReferences(batchId, chunk));
    if (straight) {
      const inserted = (await tx.execute(insertNewClassesStatement(chunk, batchId))).rowsAffected;
      classes.inserted += inserted;
      if (inserted > 0) insertedMonths.push(chunk.months);
      if (inserted === chunk.rows) continue;
      await tx.execute(stageClassesStatement(chunk, { batchId })); // the classes stored before
    } else {
      await tx.execute(stageClassesStatement(chunk));
    }
    const rows = [chunk.first, chunk.first + chunk.rows - 1] as const;
    const written = await upsertStaged(tx, batchId, { table: 'training_classes', stage: 's_classes', match: (s) => `t.class_no = ${s}.class_no`, keyColumns: ['class_no'], hasId: true, rows });
    for (const key of ['inserted', 'updated', 'unchanged'] as const) classes[key] += written[key];
    straight = written.inserted === chunk.rows;
  }
  if (scope !== undefined) await refuseOutOfScope(tx, scope, outOfScope);
  if (unknownTypes.length) throw new UnknownReferenceError(unknownTypes, '培训类型');
  const staged = stream?.summary() ?? { count: 0, months: '[]', lastOpened: null };
  await resolveAuditClasses(tx);
  const audits = await upsertStaged(tx, batchId, { table: 'fund_audits', stage: 's_audits', match: (s) => `t.audit_no = ${s}.audit_no`, keyColumns: ['audit_no'], hasId: true });
  const targets = await upsertStaged(tx, batchId, {
    table: 'annual_targets', stage: 's_targets', match: (s) => `t.region_code = ${s}.region_code AND t.year = ${s}.year`, keyColumns: ['region_code', 'year'], hasId: false, partial: true,
  });
  const sum = (key: keyof Counts) => classes[key] + audits[key] + targets[key];
  const changed = classes.inserted + classes.updated;
  // every class new and no audit: the rollup's touched months gain the classes' own figures (ClassMonths)
  const onlyAdded = staged.count > 0 && classes.inserted === staged.count && audits.inserted + audits.updated + audits.unchanged === 0;
  return {
    counts: { inserted: sum('inserted'), updated: sum('updated'), unchanged: sum('unchanged') },
    classes: {
      months: staged.months, changed: changed === 0 ? 'none' : changed === staged.count ? 'all' : 'some', insertedMonths, lastOpened: staged.lastOpened,
      ...(onlyAdded && staged.figures ? { added: staged.figures } : {}),
    },
  };
}

async function countMoves(tx: Transaction, batchId: number): Promise<number> {
  const { rows } = await tx.execute({ sql: "SELECT COUNT(*) AS n FROM data_changes WHERE batch_id = ? AND table_name = 'fund_reallocations'", args: [batchId] });
  return Number(rows[0]!.n);
}

/**
 * The months data arrived for (every staged class's opening and finishing month, every audit's month — unchanged
 * rows too: a resubmission is an arrival — and, for every region with a row in the file, each month from its first
 * in the file to the file's last (its last opening or audit): a platform export runs to date, so a county in it whose
 * month had no new class has reported that month too, and is not 未报送), the rollup of the touched region-months with the data version, the batch's
 * counts and the audit line.
 */
async function finishBatch(tx: Transaction, db: Db, batchId: number, result: WriteResult, classes: StagedClassMonths, audit: AuditEntry): Promise<void> {
  const auditLine = appendAudit(db, audit).toSQL();
  await tx.batch([
    {
      sql: `WITH RECURSIVE
              dated (region_code, ym) AS (
                SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?2) j
                UNION SELECT c.region_code, substr(a.audited_on, 1, 7) FROM s_audits a JOIN training_classes c ON c.id = a.class_id),
              -- each region of the file, from its first month in it to the file's last (its last opening or audit)
              span (region_code, ym, last) AS (
                SELECT d.region_code, min(d.ym), (SELECT max(x) FROM (SELECT ?3 AS x UNION ALL SELECT substr(max(audited_on), 1, 7) FROM s_audits))
                  FROM dated d GROUP BY d.region_code
                UNION ALL
                SELECT region_code, strftime('%Y-%m', ym || '-01', '+1 month'), last FROM span WHERE ym < last)
            INSERT OR IGNORE INTO data_arrivals (region_code, year, month, batch_id, arrived_at)
            SELECT region_code, CAST(substr(ym, 1, 4) AS INTEGER), CAST(substr(ym, 6, 2) AS INTEGER), ?1, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
            FROM (SELECT region_code, ym FROM dated UNION SELECT region_code, ym FROM span)`,
      args: [batchId, classes.months, classes.lastOpened],
    },
    ...refreshTouchedMonthsStatements(batchId, classes),
    {
      sql: 'UPDATE data_batches SET inserted = ?, updated = ?, unchanged = ? WHERE id = ?',
      args: [result.inserted, result.updated, result.unchanged, batchId],
    },
    { sql: auditLine.sql, args: auditLine.params as never },
  ]);
}
