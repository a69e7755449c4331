import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';
import { bulkInsertStatements } from '../bulk-insert.ts';
import type { DemoData } from '../demo/generate-demo.ts';
import { refreshMonthlyRollupStatements } from './refresh-monthly-rollup.ts';

/**
 * Writes generated demo data and its rollup into a database that has no classes yet, in one write transaction
 * tagged with a 'demo' batch: all or nothing. Whether it is empty is asked inside that transaction, so of two
 * processes filling one new database at once exactly one fills it and the other finds it filled.
 * Answers whether it filled. Regions must be loaded first.
 */
export async function loadDemoData(db: Db, data: DemoData, label = '演示数据'): Promise<boolean> {
  const tx = await db.$client.transaction('write');
  try {
    const { rows } = await tx.execute('SELECT EXISTS (SELECT 1 FROM training_classes) AS filled');
    if (Number(rows[0]!.filled)) return false;
    const batch = await tx.execute({ sql: "INSERT INTO data_batches (kind, label) VALUES ('demo', ?) RETURNING id", args: [label] });
    await tx.batch(demoStatements(data, Number(batch.rows[0]!.id)));
    await tx.commit();
    return true;
  } finally {
    tx.close(); // rolls back unless committed
  }
}

function demoStatements(data: DemoData, batchId: number): InStatement[] {
  return [
    ...bulkInsertStatements('occupations', ['id', 'name'], data.occupations, (o) => [o.id, o.name]),
    ...bulkInsertStatements('training_types', ['id', 'code', 'name'], data.trainingTypes, (t) => [t.id, t.code, t.name]),
    ...bulkInsertStatements('institutions', ['id', 'name', 'region_code', 'kind'], data.institutions, (i) => [i.id, i.name, i.regionCode, i.kind]),
    ...bulkInsertStatements('annual_targets', ['region_code', 'year', 'trainees', 'funds_budget', 'batch_id'], data.targets, (t) => [
      t.regionCode, t.year, t.trainees, t.fundsBudget, batchId,
    ]),
    ...bulkInsertStatements(
      'training_classes',
      ['id', 'class_no', 'region_code', 'institution_id', 'occupation_id', 'training_type_id', 'opened_on', 'finished_on', 'enrolled', 'completed', 'subsidised', 'subsidy_standard', 'batch_id'],
      data.classes,
      (c) => [c.id, c.classNo, c.regionCode, c.institutionId, c.occupationId, c.trainingTypeId, c.openedOn, c.finishedOn, c.enrolled, c.completed, c.subsidised, c.subsidyStandard, batchId],
    ),
    ...bulkInsertStatements('fund_audits', ['id', 'class_id', 'audited_on', 'amount', 'status', 'batch_id'], data.audits, (a) => [
      a.id, a.classId, a.auditedOn, a.amount, a.status, batchId,
    ]),
    ...bulkInsertStatements('fund_reallocations', ['round', 'from_code', 'to_code', 'amount', 'reallocated_on', 'batch_id'], data.reallocations, (r) => [
      r.round, r.fromCode, r.toCode, r.amount, r.reallocatedOn, batchId,
    ]),
    ...refreshMonthlyRollupStatements(),
  ];
}
