import { desc, eq } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.ts';
import { dataBatches } from '../schema/data.ts';

const revert = alias(dataBatches, 'revert');

/**
 * 导入记录: every batch of data, newest first — kind, import kind, file and its SHA-256, who and when, the counts,
 * and for a reverted one the revert's batch, who reverted it and when.
 */
export async function listImports(db: Db, limit = 200) {
  return db
    .select({
      id: dataBatches.id, kind: dataBatches.kind, label: dataBatches.label, importKind: dataBatches.importKind,
      fileName: dataBatches.fileName, sha256: dataBatches.sha256, actorLogin: dataBatches.actorLogin, createdAt: dataBatches.createdAt,
      inserted: dataBatches.inserted, updated: dataBatches.updated, unchanged: dataBatches.unchanged, deleted: dataBatches.deleted,
      reverts: dataBatches.reverts, revertedBy: dataBatches.revertedBy, revertedByLogin: revert.actorLogin, revertedAt: revert.createdAt,
    })
    .from(dataBatches)
    .leftJoin(revert, eq(revert.id, dataBatches.revertedBy))
    .orderBy(desc(dataBatches.id))
    .limit(limit);
}
