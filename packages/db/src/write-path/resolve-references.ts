import type { InValue, ResultSet, Transaction } from '@libsql/client';
import { OutOfScopeError, UnknownReferenceError, type RefusedRow } from './errors.ts';
import type { ClassReferenceIds, DataBatchRows } from './stage-rows.ts';

/**
 * Before the classes are staged: institutions and occupations a class names that exist neither in the database nor
 * in the batch are staged as new (an institution with the class's region — the first row's — and kind 'centre',
 * the platform's general training centre: a file names the institution only). Found in JS against the names
 * stored (a few thousand), each class looked up in a set.
 */
export async function stageImplicitReferences(tx: Transaction, rows: DataBatchRows): Promise<void> {
  const classes = rows.classes ?? [];
  if (classes.length === 0) return;
  const [occupations, institutions] = await tx.batch(['SELECT name FROM occupations', 'SELECT name FROM institutions']);
  const names = (stored: ResultSet, given: readonly { name: string }[] = []) => new Set([...stored.rows.map((r) => String(r.name)), ...given.map((g) => g.name)]);
  const knownOccupations = names(occupations!, rows.occupations);
  const knownInstitutions = names(institutions!, rows.institutions);
  const newOccupations: InValue[][] = [];
  const newInstitutions: InValue[][] = [];
  classes.forEach((c, index) => {
    if (!knownOccupations.has(c.occupation)) {
      knownOccupations.add(c.occupation);
      newOccupations.push([c.occupation, index]);
    }
    if (!knownInstitutions.has(c.institution)) {
      knownInstitutions.add(c.institution);
      newInstitutions.push([c.institution, c.regionCode, index]);
    }
  });
  await tx.batch([
    { sql: 'INSERT INTO s_occupations (name, row_no) SELECT j.value ->> 0, j.value ->> 1 FROM json_each(?) j', args: [JSON.stringify(newOccupations)] },
    {
      sql: "INSERT INTO s_institutions (name, region_code, kind, row_no) SELECT j.value ->> 0, j.value ->> 1, 'centre', j.value ->> 2 FROM json_each(?) j",
      args: [JSON.stringify(newInstitutions)],
    },
  ]);
}

/** The ids of every institution, occupation and training type (by code, else by name), once they are upserted. */
export async function classReferenceIds(tx: Transaction): Promise<ClassReferenceIds> {
  const [institutions, occupations, types] = await tx.batch(['SELECT name, id FROM institutions', 'SELECT name, id FROM occupations', 'SELECT code, name, id FROM training_types']);
  const byName = (result: ResultSet) => new Map(result.rows.map((r) => [String(r.name), Number(r.id)]));
  const trainingTypes = byName(types!);
  for (const r of types!.rows) trainingTypes.set(String(r.code), Number(r.id)); // a code wins over a name
  return { institutions: byName(institutions!), occupations: byName(occupations!), trainingTypes };
}

/** Refuses the classes whose training type names none known (their staged training_type_id is null). */
export function refuseUnknownTrainingTypes(classes: NonNullable<DataBatchRows['classes']>, ids: ClassReferenceIds): void {
  const unknown: RefusedRow[] = [];
  classes.forEach((c, index) => {
    if (!ids.trainingTypes.has(c.trainingType)) unknown.push({ kind: 'classes', index, key: `${c.classNo}（${c.trainingType}）`, regionCode: c.regionCode });
  });
  if (unknown.length) throw new UnknownReferenceError(unknown, '培训类型');
}

/** Gives the staged audits their class's id; a class number known neither in the batch nor the database is refused. */
export async function resolveAuditClasses(tx: Transaction): Promise<void> {
  await tx.execute('UPDATE s_audits SET class_id = (SELECT id FROM training_classes WHERE class_no = s_audits.class_no)');
  const { rows } = await tx.execute('SELECT row_no, audit_no, class_no FROM s_audits WHERE class_id IS NULL ORDER BY row_no');
  if (rows.length) {
    throw new UnknownReferenceError(rows.map((r) => ({ kind: 'audits', index: Number(r.row_no), key: `${String(r.audit_no)}（${String(r.class_no)}）`, regionCode: null })), '培训班');
  }
}

/**
 * A city leader's batch: every row's region — and for a class already stored, its stored region too; for an
 * audit, its class's — must be the city or one of its counties. All the rows outside are named.
 */
export async function refuseOutOfScope(tx: Transaction, scope: string): Promise<void> {
  const inScope = (column: string) => `${column} IN (SELECT code FROM regions WHERE code = ?1 OR parent_code = ?1)`;
  const { rows } = await tx.execute({
    sql: `SELECT 'classes' AS kind, s.row_no, s.class_no AS key, s.region_code FROM s_classes s LEFT JOIN training_classes c ON c.class_no = s.class_no
            WHERE NOT ${inScope('s.region_code')} OR (c.id IS NOT NULL AND NOT ${inScope('c.region_code')})
          UNION ALL
          SELECT 'audits', a.row_no, a.audit_no, coalesce(sc.region_code, c.region_code) FROM s_audits a
            LEFT JOIN s_classes sc ON sc.class_no = a.class_no LEFT JOIN training_classes c ON c.class_no = a.class_no
            WHERE NOT ${inScope('coalesce(sc.region_code, c.region_code)')} OR (c.id IS NOT NULL AND NOT ${inScope('c.region_code')})
               OR EXISTS (SELECT 1 FROM fund_audits f JOIN training_classes fc ON fc.id = f.class_id WHERE f.audit_no = a.audit_no AND NOT ${inScope('fc.region_code')})
          UNION ALL
          SELECT CASE WHEN trainees IS NULL THEN 'allocations' ELSE 'targets' END, row_no, region_code || ':' || year, region_code FROM s_targets
            WHERE NOT ${inScope('region_code')}
          ORDER BY 1, 2`,
    args: [scope],
  });
  if (rows.length) {
    throw new OutOfScopeError(scope, rows.map((r) => ({ kind: r.kind as RefusedRow['kind'], index: Number(r.row_no), key: String(r.key), regionCode: r.region_code === null ? null : String(r.region_code) })));
  }
}
