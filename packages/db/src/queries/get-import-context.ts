import type { ImportContext, ImportKind } from '@dispatch/core';
import type { Db } from '../client.ts';
import { getRegions } from './get-regions.ts';

/**
 * What validating a file of a kind needs: the regions, the training types, and — for audits — every stored class
 * with its region (an audit may name a class of an earlier file). `scope` is the importer's city.
 */
export async function getImportContext(db: Db, kind: ImportKind, scope?: string): Promise<ImportContext> {
  const [regions, types, classes] = await Promise.all([
    getRegions(db),
    db.$client.execute('SELECT code, name FROM training_types ORDER BY id'),
    kind === 'audits' ? db.$client.execute('SELECT class_no, region_code FROM training_classes') : null,
  ]);
  return {
    regions: new Map(regions.map((r) => [r.code, r])),
    trainingTypes: types.rows.map((r) => ({ code: String(r.code), name: String(r.name) })),
    ...(classes ? { knownClasses: new Map(classes.rows.map((r) => [String(r.class_no), String(r.region_code)])) } : {}),
    ...(scope !== undefined ? { scope } : {}),
  };
}
