import type { InStatement, ResultSet, Row, Transaction } from '@libsql/client';
import type { KnownReferences, StagedChunk } from './class-staging.ts';
import { OutOfScopeError, UnknownReferenceError, type RefusedRow } from './errors.ts';

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
 * The institutions and occupations a chunk of classes names first that are stored nowhere, staged with the ids its
 * staged classes give them (an institution with its first class's region and kind 'centre', the platform's general
 * training centre: a file names the institution only), in place of the reference rows staged before.
 */
export function stageNewReferences({ newInstitutions, newOccupations }: StagedChunk): InStatement[] {
  return [
    'DELETE FROM s_occupations',
    'DELETE FROM s_institutions',
    { sql: 'INSERT INTO s_occupations (name, new_id, row_no) SELECT j.value ->> 0, j.value ->> 1, j.value ->> 2 FROM json_each(?) j', args: [JSON.stringify(newOccupations.map((o) => [o.name, o.id, o.index]))] },
    {
      sql: "INSERT INTO s_institutions (name, region_code, kind, new_id, row_no) SELECT j.value ->> 0, j.value ->> 1, 'centre', j.value ->> 2, j.value ->> 3 FROM json_each(?) j",
      args: [JSON.stringify(newInstitutions.map((i) => [i.name, i.regionCode, i.id, i.index]))],
    },
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

const inScope = (column: string) => `${column} IN (SELECT code FROM regions WHERE code = ?1 OR parent_code = ?1)`;
const refusedRow = (r: Row): RefusedRow => ({ kind: r.kind as RefusedRow['kind'], index: Number(r.row_no), key: String(r.key), regionCode: r.region_code === null ? null : String(r.region_code) });

/**
 * The staged classes of row_no first … last outside a city leader's scope: their region, or for a class already
 * stored, its stored region, is not the city or one of its counties. Asked of each chunk before it is written.
 */
export async function classesOutOfScope(tx: Transaction, scope: string, first: number, last: number): Promise<RefusedRow[]> {
  const { rows } = await tx.execute({
    sql: `SELECT 'classes' AS kind, s.row_no, s.class_no AS key, s.region_code FROM s_classes s LEFT JOIN training_classes c ON c.class_no = s.class_no
            WHERE s.row_no BETWEEN ?2 AND ?3 AND (NOT ${inScope('s.region_code')} OR (c.id IS NOT NULL AND NOT ${inScope('c.region_code')}))
          ORDER BY s.row_no`,
    args: [scope, first, last],
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
