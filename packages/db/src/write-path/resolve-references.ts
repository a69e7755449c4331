import type { InStatement, ResultSet, Row, Transaction } from '@libsql/client';
import { classRowsArgs, classRowsSql, type KnownReferences, type StagedChunk } from './class-staging.ts';
import { OutOfScopeError, UnknownReferenceError, type RefusedRow } from './errors.ts';
import { jsonOf } from './logged-tables.ts';

/**
 * The names a class may refer to, with their ids, and the next free ids for names stored nowhere yet (ClassStager):
 * read inside the write transaction, after the batch's own reference rows are upserted.
 */
export async function knownReferences(tx: Transaction): Promise<KnownReferences> {
  const [institutions, occupations, types, next] = await tx.batch([
    'SELECT name, id FROM institutions', 'SELECT name, id FROM occupations', 'SELECT code, name, id FROM training_types',
    'SELECT (SELECT coalesce(max(id), 0) + 1 FROM institutions) AS institution, (SELECT coalesce(max(id), 0) + 1 FROM occupations) AS occupation',
  ]);
  const byName = (result: ResultSet) => new Map(result.rows.map((r) => [String(r.name), Number(r.id)]));
  const trainingTypes = byName(types!);
  for (const r of types!.rows) trainingTypes.set(String(r.code), Number(r.id)); // a code wins over a name
  return {
    institutions: byName(institutions!), occupations: byName(occupations!), trainingTypes,
    nextInstitutionId: Number(next!.rows[0]!.institution), nextOccupationId: Number(next!.rows[0]!.occupation),
  };
}

/**
 * The institutions and occupations a chunk of classes names first that are stored nowhere, inserted with the ids its
 * classes were staged with (an institution with its first class's region and kind 'centre', the platform's general
 * training centre: a file names the institution only), each logged as upsertStaged logs an insert, in the order the
 * chunk named them. New by construction (the names known in the transaction, and those the batch gave ids to, are
 * not in the chunk's lists), they need no staging and no comparison.
 */
export function insertNewReferences(batchId: number, { newInstitutions, newOccupations }: StagedChunk): InStatement[] {
  const occupations = JSON.stringify(newOccupations.map((o) => [o.name, o.id]));
  const institutions = JSON.stringify(newInstitutions.map((i) => [i.name, i.id, i.regionCode]));
  const logged = (table: 'occupations' | 'institutions', values: (column: string) => string, json: string) => ({
    sql: `INSERT INTO data_changes (batch_id, table_name, natural_key, before, after)
          SELECT ?1, '${table}', j.value ->> 0, NULL, ${jsonOf(table, values)} FROM json_each(?2) j ORDER BY j.key`,
    args: [batchId, json],
  });
  return [
    { sql: 'INSERT INTO occupations (id, name) SELECT j.value ->> 1, j.value ->> 0 FROM json_each(?) j', args: [occupations] },
    logged('occupations', () => 'NULL', occupations),
    { sql: "INSERT INTO institutions (id, name, region_code, kind) SELECT j.value ->> 1, j.value ->> 0, j.value ->> 2, 'centre' FROM json_each(?) j", args: [institutions] },
    logged('institutions', (c) => (c === 'kind' ? "'centre'" : 'j.value ->> 2'), institutions),
  ];
}

/** Gives the staged audits their class's id; a class number known neither in the batch nor the database is refused. */
export async function resolveAuditClasses(tx: Transaction): Promise<void> {
  await tx.execute('UPDATE s_audits SET class_id = (SELECT id FROM training_classes WHERE class_no = s_audits.class_no)');
  const { rows } = await tx.execute('SELECT row_no, audit_no, class_no FROM s_audits WHERE class_id IS NULL ORDER BY row_no');
  if (rows.length) {
    throw new UnknownReferenceError(rows.map((r) => ({ kind: 'audits', index: Number(r.row_no), key: `${String(r.audit_no)}（${String(r.class_no)}）`, regionCode: null })), '培训班');
  }
}

const inScope = (column: string, param = '?1') => `${column} IN (SELECT code FROM regions WHERE code = ${param} OR parent_code = ${param})`;
const refusedRow = (r: Row): RefusedRow => ({ kind: r.kind as RefusedRow['kind'], index: Number(r.row_no), key: String(r.key), regionCode: r.region_code === null ? null : String(r.region_code) });

/**
 * A chunk's classes outside a city leader's scope: their region, or for a class already stored, its stored region, is
 * not the city or one of its counties. Asked of each chunk before it is written.
 */
export async function classesOutOfScope(tx: Transaction, scope: string, chunk: StagedChunk): Promise<RefusedRow[]> {
  const { rows } = await tx.execute({
    sql: `${classRowsSql(chunk.source)}
          SELECT 'classes' AS kind, r.row_no, r.class_no AS key, r.region_code FROM r LEFT JOIN training_classes c ON c.class_no = r.class_no
            WHERE NOT ${inScope('r.region_code', '?3')} OR (c.id IS NOT NULL AND NOT ${inScope('c.region_code', '?3')})
          ORDER BY r.row_no`,
    args: [...classRowsArgs(chunk), scope],
  });
  return rows.map(refusedRow);
}

/**
 * A city leader's batch: every row's region — for a class (classesOutOfScope, found chunk by chunk: `classes`) and
 * for an audit's class already stored, the stored one too — must be the city or one of its counties. All the rows
 * outside are named, by kind and row.
 */
export async function refuseOutOfScope(tx: Transaction, scope: string, classes: readonly RefusedRow[]): Promise<void> {
  const { rows } = await tx.execute({
    sql: `SELECT 'audits' AS kind, a.row_no, a.audit_no AS key, coalesce(sc.region_code, c.region_code) AS region_code FROM s_audits a
            LEFT JOIN s_classes sc ON sc.class_no = a.class_no LEFT JOIN training_classes c ON c.class_no = a.class_no
            WHERE NOT ${inScope('coalesce(sc.region_code, c.region_code)')} OR (c.id IS NOT NULL AND NOT ${inScope('c.region_code')})
               OR EXISTS (SELECT 1 FROM fund_audits f JOIN training_classes fc ON fc.id = f.class_id WHERE f.audit_no = a.audit_no AND NOT ${inScope('fc.region_code')})
          UNION ALL
          SELECT CASE WHEN trainees IS NULL THEN 'allocations' ELSE 'targets' END, row_no, region_code || ':' || year, region_code FROM s_targets
            WHERE NOT ${inScope('region_code')}`,
    args: [scope],
  });
  const refused = [...classes, ...rows.map(refusedRow)].sort((a, b) => (a.kind === b.kind ? a.index - b.index : a.kind < b.kind ? -1 : 1));
  if (refused.length) throw new OutOfScopeError(scope, refused);
}
