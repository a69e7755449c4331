import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';
import { bulkInsertStatements } from '../bulk-insert.ts';
import type { DemoData } from '../demo/generate-demo.ts';
import { annualTargets, fundAudits, fundReallocations, institutions, occupations, trainingClasses, trainingTypes } from '../schema/data.ts';
import { reallocationRounds } from '../schema/supervision.ts';
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
  const inBatch = <Row>(rows: readonly Row[]) => rows.map((row) => ({ ...row, batchId }));
  return [
    ...bulkInsertStatements(occupations, data.occupations),
    ...bulkInsertStatements(trainingTypes, data.trainingTypes),
    ...bulkInsertStatements(institutions, data.institutions),
    ...bulkInsertStatements(annualTargets, inBatch(data.targets)),
    ...bulkInsertStatements(trainingClasses, inBatch(data.classes)),
    ...bulkInsertStatements(fundAudits, inBatch(data.audits)),
    ...bulkInsertStatements(fundReallocations, inBatch(data.reallocations)),
    ...bulkInsertStatements(reallocationRounds, inBatch(data.rounds)),
    ...refreshMonthlyRollupStatements(),
  ];
}
