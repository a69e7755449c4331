import type { InStatement, InValue } from '@libsql/client';
import type { AllocationImportRow, AuditImportRow, ClassImportRow, TargetImportRow } from '@dispatch/core';
import { DuplicateKeyError, type RefusedRow } from './errors.ts';

export type InstitutionKind = 'school' | 'centre' | 'enterprise';

/** The rows of one batch; `id` only where the demo keeps its own ids. */
export interface DataBatchRows {
  trainingTypes?: readonly { id?: number; code: string; name: string }[];
  occupations?: readonly { id?: number; name: string }[];
  /** explicit institutions (upserted by name); a class naming an unknown one creates it (its region, kind 'centre') */
  institutions?: readonly { id?: number; name: string; regionCode: string; kind: InstitutionKind }[];
  classes?: readonly (ClassImportRow & { id?: number })[];
  audits?: readonly (AuditImportRow & { id?: number })[];
  targets?: readonly TargetImportRow[];
  allocations?: readonly AllocationImportRow[];
}

const STAGES = {
  s_types: 'row_no INT, code TEXT PRIMARY KEY, name TEXT',
  s_occupations: 'row_no INT, name TEXT PRIMARY KEY',
  s_institutions: 'row_no INT, name TEXT PRIMARY KEY, region_code TEXT, kind TEXT',
  // The classes and audits are many: their row_no is the rowid (written in order, so ORDER BY row_no sorts
  // nothing), and their keys need no index of their own (duplicates are refused before staging).
  s_classes:
    'row_no INTEGER PRIMARY KEY, class_no TEXT, region_code TEXT, institution_id INT, occupation_id INT, training_type_id INT, opened_on TEXT, finished_on TEXT, enrolled INT, completed INT, subsidised INT, subsidy_standard INT',
  s_audits: 'row_no INTEGER PRIMARY KEY, audit_no TEXT, class_no TEXT, audited_on TEXT, amount INT, status TEXT, class_id INT',
  s_targets: 'row_no INT, region_code TEXT, year INT, trainees INT, funds_budget INT, PRIMARY KEY (region_code, year)',
} as const;

export type StageName = keyof typeof STAGES;

/** DROP and CREATE the TEMP staging tables (TEMP lives on the transaction's connection; an in-memory db reuses it). */
export function createStagesStatements(): InStatement[] {
  return [
    // SQLite's default page caches (2 MB) make a file of five years' classes spill the staging tables and the
    // indexes being written to disk again and again; a write may use up to 64 MB of each while it runs.
    'PRAGMA cache_size = -65536',
    'PRAGMA temp.cache_size = -65536',
    ...Object.entries(STAGES).flatMap(([name, columns]) => [
    `DROP TABLE IF EXISTS temp.${name}`,
    `CREATE TEMP TABLE ${name} (id INT, new_id INT, state TEXT DEFAULT 'i', ${columns})`,
    ]),
  ];
}

export function dropStagesStatements(): InStatement[] {
  return Object.keys(STAGES).map((name) => `DROP TABLE IF EXISTS temp.${name}`);
}

function refuseDuplicates<T>(kind: RefusedRow['kind'], rows: readonly T[], keyOf: (row: T) => string): void {
  const seen = new Set<string>();
  const duplicates: RefusedRow[] = [];
  for (let index = 0; index < rows.length; index++) {
    const key = keyOf(rows[index]!);
    const size = seen.size;
    seen.add(key); // one look-up: a key already seen leaves the size as it was
    if (seen.size === size) duplicates.push({ kind, index, key, regionCode: null });
  }
  if (duplicates.length) throw new DuplicateKeyError(duplicates);
}

/**
 * The INSERTs that fill the staging tables but the classes' (ClassStager, once their references have ids); refuses
 * duplicate keys inside the batch first.
 */
export function stageStatements(rows: DataBatchRows): InStatement[] {
  const { classes = [], audits = [], targets = [], allocations = [] } = rows;
  refuseDuplicates('classes', classes, (c) => c.classNo);
  refuseDuplicates('audits', audits, (a) => a.auditNo);
  refuseDuplicates('targets', targets, (t) => `${t.regionCode}:${t.year}`);
  refuseDuplicates('allocations', allocations, (a) => `${a.regionCode}:${a.year}`);
  return [
    ...jsonInsertStatements('s_types', ['code', 'name', 'new_id'], rows.trainingTypes ?? [], (t) => [t.code, t.name, t.id ?? null]),
    ...jsonInsertStatements('s_occupations', ['name', 'new_id'], rows.occupations ?? [], (o) => [o.name, o.id ?? null]),
    ...jsonInsertStatements('s_institutions', ['name', 'region_code', 'kind', 'new_id'], rows.institutions ?? [], (i) => [i.name, i.regionCode, i.kind, i.id ?? null]),
    ...jsonInsertStatements('s_audits', ['audit_no', 'class_no', 'audited_on', 'amount', 'status', 'new_id'], audits, (a) => [a.auditNo, a.classNo, a.auditedOn, a.amount, a.status, a.id ?? null]),
    ...jsonInsertStatements('s_targets', ['region_code', 'year', 'trainees'], targets, (t) => [t.regionCode, t.year, t.trainees]),
    // An allocation for a region-year the targets also give fills the same staged row.
    ...jsonInsertStatements('s_targets', ['region_code', 'year', 'funds_budget'], allocations, (a) => [a.regionCode, a.year, a.fundsBudget],
      ' ON CONFLICT (region_code, year) DO UPDATE SET funds_budget = excluded.funds_budget'),
  ];
}

/**
 * INSERTs of the rows given as JSON parameters that SQLite unpacks (json_each): binding each value as its own
 * parameter costs more than the insert itself, and the statement's text does not grow with the rows. Each row's
 * position in the list becomes its row_no; `valuesOf` gives its values in the order of `columns`.
 */
export function jsonInsertStatements<T>(table: StageName, columns: readonly string[], rows: readonly T[], valuesOf: (row: T) => InValue[], tail = ''): InStatement[] {
  const values = columns.map((_, i) => `j.value ->> ${i}`).join(', ');
  // MATERIALIZED: json_each makes a row's value (its array, as JSON text) anew each time it is read, once per column
  // unpacked; made once per row and kept, a five-year file stages in two thirds of the time (measured).
  // WHERE true: an upsert's SELECT needs it, so that ON CONFLICT is not read as a join's constraint.
  const sql = `INSERT INTO ${table} (${columns.join(', ')}, row_no) WITH j AS MATERIALIZED (SELECT key, value FROM json_each(?2))
               SELECT ${values}, ?1 + j.key FROM j WHERE true${tail}`;
  const statements: InStatement[] = [];
  // chunks of a few thousand rows: one JSON text of five years' rows unpacked more slowly per row (measured)
  for (let start = 0; start < rows.length; start += JSON_CHUNK_ROWS) {
    // a chunk's arrays made only as it is written: they die young, where the arrays of a whole file would all be
    // kept until the last chunk, copied by every garbage collection on the way
    const chunk: InValue[][] = [];
    for (let i = start; i < Math.min(rows.length, start + JSON_CHUNK_ROWS); i++) chunk.push(valuesOf(rows[i]!));
    statements.push({ sql, args: [start, JSON.stringify(chunk)] });
  }
  return statements;
}

export const JSON_CHUNK_ROWS = 5_000;
