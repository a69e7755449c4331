import type { Transaction } from '@libsql/client';
import { jsonOf, LOGGED_TABLES, UNLOGGED_INSERTS, type LoggedTable } from './logged-tables.ts';

export interface Counts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface StagedTable {
  table: LoggedTable;
  /** the TEMP staging table: the target's key and data columns by the same names, plus id, new_id, state ('i' until matched), row_no */
  stage: string;
  /** how a target row `t` matches the staged row of the given name or alias */
  match: (staged: string) => string;
  /** the natural key's columns, written on insert */
  keyColumns: readonly string[];
  /** the target has an `id` the batch may choose (the demo keeps its ids) */
  hasId: boolean;
  /** a null staged value keeps the row's value (a new row gets 0): targets and allocations share annual_targets */
  partial?: boolean;
  /** only the staged rows of row_no first … last (a chunk of classes), else all */
  rows?: readonly [first: number, last: number];
}

/**
 * Upserts a staged table into its target set-based, in the open transaction: marks each staged row inserted,
 * updated or unchanged, logs the previous and new versions of the rows that change (inserts only where the table
 * has no batch_id: UNLOGGED_INSERTS), then updates and inserts them.
 */
export async function upsertStaged(tx: Transaction, batchId: number, s: StagedTable): Promise<Counts> {
  const { table, stage } = s;
  const logged = LOGGED_TABLES[table].columns as readonly string[];
  const columns = logged.filter((c) => c !== 'batch_id');
  const withBatch = logged.includes('batch_id');
  const unlogged = (UNLOGGED_INSERTS as readonly string[]).includes(table); // its inserts are found by batch_id
  const value = (row: string, target: string) => (c: string) => (s.partial ? `coalesce(${row}.${c}, ${target}.${c}, 0)` : `${row}.${c}`);
  const differs = columns.length ? columns.map((c) => `t.${c} IS NOT ${value(stage, 't')(c)}`).join(' OR ') : '0';
  const inRows = (staged: string) => (s.rows ? ` AND ${staged}.row_no BETWEEN ${s.rows[0]} AND ${s.rows[1]}` : '');
  // One pass matches the staged rows to the stored ones by natural key (a row matching none stays 'i', inserted).
  const [matched] = await tx.batch([
    { sql: `UPDATE ${stage} SET id = t.rowid, state = CASE WHEN ${differs} THEN 'u' ELSE 'n' END FROM ${table} t WHERE ${s.match(stage)}${inRows(stage)}`, args: [] },
    {
      sql: `INSERT INTO data_changes (batch_id, table_name, natural_key, before, after)
            SELECT ?, '${table}', ${LOGGED_TABLES[table].key.replace(/\b([a-z_]+)\b/g, 's.$1')}, CASE WHEN s.state = 'u' THEN ${jsonOf(table, (c) => `t.${c}`)} END,
                   ${jsonOf(table, (c) => (c === 'batch_id' ? '?' : value('s', 't')(c)))}
            FROM ${stage} s LEFT JOIN ${table} t ON t.rowid = s.id WHERE s.state IN (${unlogged ? "'u'" : "'i', 'u'"})${inRows('s')} ORDER BY s.row_no`,
      args: withBatch ? [batchId, batchId] : [batchId],
    },
  ]);
  const sets = [...columns.map((c) => `${c} = ${value('s', table)(c)}`), ...(withBatch ? ['batch_id = ?'] : [])];
  const insertColumns = [...(s.hasId ? ['id'] : []), ...s.keyColumns, ...columns, ...(withBatch ? ['batch_id'] : [])];
  const insertValues = [...(s.hasId ? ['s.new_id'] : []), ...s.keyColumns.map((c) => `s.${c}`), ...columns.map((c) => (s.partial ? `coalesce(s.${c}, 0)` : `s.${c}`)), ...(withBatch ? ['?'] : [])];
  const statements = [
    { sql: `INSERT INTO ${table} (${insertColumns.join(', ')}) SELECT ${insertValues.join(', ')} FROM ${stage} s WHERE s.state = 'i'${inRows('s')} ORDER BY s.row_no`, args: withBatch ? [batchId] : [] },
  ];
  if (sets.length) {
    statements.unshift({ sql: `UPDATE ${table} SET ${sets.join(', ')} FROM ${stage} s WHERE ${table}.rowid = s.id AND s.state = 'u'${inRows('s')}`, args: withBatch ? [batchId] : [] });
  }
  const written = await tx.batch(statements);
  // counted by the statements' changes rather than by reading the staged rows again; a stored row matches one
  // staged row at most (duplicate keys are refused before staging)
  const inserted = written.at(-1)!.rowsAffected;
  const updated = sets.length ? written[0]!.rowsAffected : 0;
  return { inserted, updated, unchanged: matched!.rowsAffected - updated };
}
