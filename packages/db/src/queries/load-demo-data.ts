import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';
import { bulkInsertStatements } from '../bulk-insert.ts';
import type { DemoData } from '../demo/generate-demo.ts';
import { refreshMonthlyRollupStatements } from './refresh-monthly-rollup.ts';

/**
 * Writes generated demo data and its rollup in one transaction, tagged with a 'demo' batch: all or nothing.
 * Regions must be loaded first.
 */
export async function loadDemoData(db: Db, data: DemoData, label = '演示数据'): Promise<void> {
  const batchId = 1 + Number((await db.$client.execute('SELECT COALESCE(MAX(id), 0) AS id FROM data_batches')).rows[0]!.id);
  const statements: InStatement[] = [
    { sql: 'INSERT INTO data_batches (id, kind, label) VALUES (?, ?, ?)', args: [batchId, 'demo', label] },
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
  await db.$client.batch(statements, 'write');
}
