import type { Transaction } from '@libsql/client';
import { OutOfScopeError, UnknownReferenceError, type RefusedRow } from './errors.ts';

/**
 * Before the classes are upserted: institutions and occupations a class names that do not exist yet are staged
 * as new (an institution with the class's region — the first row's — and kind 'centre', the platform's general
 * training centre: a file names the institution only), and the staged classes get their ids.
 */
export async function stageImplicitReferences(tx: Transaction): Promise<void> {
  await tx.batch([
    `INSERT INTO s_occupations (name, row_no)
       SELECT occupation, MIN(row_no) FROM s_classes
       WHERE occupation NOT IN (SELECT name FROM occupations) AND occupation NOT IN (SELECT name FROM s_occupations)
       GROUP BY occupation`,
    `INSERT INTO s_institutions (name, region_code, kind, row_no)
       SELECT institution, region_code, 'centre', MIN(row_no) FROM s_classes
       WHERE institution NOT IN (SELECT name FROM institutions) AND institution NOT IN (SELECT name FROM s_institutions)
       GROUP BY institution`,
  ]);
}

/** Gives the staged classes the ids of their institution, occupation and training type (by code, else by name). */
export async function resolveClassReferences(tx: Transaction): Promise<void> {
  await tx.execute(`UPDATE s_classes SET
      institution_id = (SELECT id FROM institutions WHERE name = s_classes.institution),
      occupation_id = (SELECT id FROM occupations WHERE name = s_classes.occupation),
      training_type_id = coalesce((SELECT id FROM training_types WHERE code = s_classes.training_type),
                                  (SELECT id FROM training_types WHERE name = s_classes.training_type))`);
  const { rows } = await tx.execute('SELECT row_no, class_no, region_code, training_type FROM s_classes WHERE training_type_id IS NULL ORDER BY row_no');
  if (rows.length) {
    throw new UnknownReferenceError(rows.map((r) => ({ kind: 'classes', index: Number(r.row_no), key: `${String(r.class_no)}（${String(r.training_type)}）`, regionCode: String(r.region_code) })), '培训类型');
  }
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
