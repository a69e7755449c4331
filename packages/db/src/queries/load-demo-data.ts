import type { Db } from '../client.ts';
import type { DemoData } from '../demo/generate-demo.ts';
import { DataAlreadyPresentError } from '../write-path/errors.ts';
import { writeDataBatch, type DataBatch } from './write-data-batch.ts';

/**
 * Writes generated demo data through the one write path (a 'demo' batch: change log, rollup, data version, the
 * months it marks as arrived, audit line) into a database that has no classes yet. Whether it is empty is asked
 * inside that write, so of two processes filling one new database at once exactly one fills it and the other finds
 * it filled. Answers whether it filled. Regions must be loaded first. The demo keeps its own ids.
 */
export async function loadDemoData(db: Db, data: DemoData, label = '演示数据'): Promise<boolean> {
  try {
    await writeDataBatch(db, demoBatch(data, label), {
      actor: { actorId: null, actorLogin: 'demo', address: null },
      requireEmpty: true,
      audit: ({ batchId, inserted }) => ({ action: 'data.demo', regionCode: '430000', detail: { batchId, label, inserted } }),
    });
    return true;
  } catch (err) {
    if (err instanceof DataAlreadyPresentError) return false;
    throw err;
  }
}

function demoBatch(data: DemoData, label: string): DataBatch {
  const name = <T extends { id: number }>(rows: readonly T[], of: (row: T) => string) => new Map(rows.map((r) => [r.id, of(r)]));
  const institutions = name(data.institutions, (i) => i.name);
  const occupations = name(data.occupations, (o) => o.name);
  const types = name(data.trainingTypes, (t) => t.code);
  const classNos = name(data.classes, (c) => c.classNo);
  return {
    kind: 'demo',
    label,
    trainingTypes: data.trainingTypes,
    occupations: data.occupations,
    institutions: data.institutions,
    classes: data.classes.map((c) => ({
      id: c.id, classNo: c.classNo, regionCode: c.regionCode,
      institution: institutions.get(c.institutionId)!, occupation: occupations.get(c.occupationId)!, trainingType: types.get(c.trainingTypeId)!,
      openedOn: c.openedOn, finishedOn: c.finishedOn, enrolled: c.enrolled, completed: c.completed, subsidised: c.subsidised,
      subsidyStandard: c.subsidyStandard, exception: null,
    })),
    audits: data.audits.map((a) => ({ id: a.id, auditNo: a.auditNo, classNo: classNos.get(a.classId)!, auditedOn: a.auditedOn, amount: a.amount, status: a.status })),
    targets: data.targets.map(({ regionCode, year, trainees }) => ({ regionCode, year, trainees })),
    allocations: data.targets.map(({ regionCode, year, fundsBudget }) => ({ regionCode, year, fundsBudget })),
    rounds: data.rounds.map((r) => ({
      round: r.round, reallocatedOn: r.reallocatedOn, documentNumber: r.documentNumber, note: r.note, recordedBy: null,
      moves: data.reallocations.filter((m) => m.round === r.round),
    })),
  };
}
