import type { InStatement } from '@libsql/client';
import { CLASS_COLUMNS, classRowsArgs, classRowsSql, type StagedChunk } from './class-staging.ts';

const DATA_COLUMNS = CLASS_COLUMNS.filter((c) => c !== 'new_id');

/**
 * The chunk's classes not stored yet, inserted straight into training_classes with the batch's id (a class stored
 * already is left for the staging: ON CONFLICT of its number, nothing else, is passed over). Its changes count the
 * classes inserted.
 */
export function insertNewClassesStatement(chunk: StagedChunk, batchId: number): InStatement {
  return {
    sql: `INSERT INTO training_classes (id, ${DATA_COLUMNS.join(', ')}, batch_id)
          ${classRowsSql(chunk.source)} SELECT new_id, ${DATA_COLUMNS.join(', ')}, ?3 FROM r WHERE true ON CONFLICT (class_no) DO NOTHING`,
    args: [...classRowsArgs(chunk), batchId],
  };
}

/**
 * The chunk's classes into s_classes, for upsertStaged to compare with the stored ones: all of them, or with
 * `storedBefore`, only those stored before this batch (insertNewClassesStatement inserted the rest).
 */
export function stageClassesStatement(chunk: StagedChunk, storedBefore?: { batchId: number }): InStatement {
  const columns = `row_no, ${CLASS_COLUMNS.join(', ')}`;
  if (!storedBefore) return { sql: `INSERT INTO s_classes (${columns}) ${classRowsSql(chunk.source)} SELECT ${columns} FROM r`, args: classRowsArgs(chunk) };
  return {
    sql: `INSERT INTO s_classes (${columns}) ${classRowsSql(chunk.source)}
          SELECT ${['row_no', ...CLASS_COLUMNS].map((c) => `r.${c}`).join(', ')} FROM r JOIN training_classes t ON t.class_no = r.class_no WHERE t.batch_id IS NOT ?3`,
    args: [...classRowsArgs(chunk), storedBefore.batchId],
  };
}
