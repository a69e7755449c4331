import { sql } from 'drizzle-orm';
import { blob, index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { dataBatches } from './data.ts';

/**
 * 导入记录: every upload to POST /api/imports — a dry run (checked), a file refused for its problems (refused), an
 * applied one (applied, with its data batch) and later its revert (reverted) — with the file's bytes, so that its
 * marked-up report downloads by the attempt's id. The bytes of dry runs and refused files older than 30 days are
 * dropped when a new upload is stored (the record stays); an applied file keeps its bytes.
 */
export const importAttempts = sqliteTable(
  'import_attempts',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    kind: text('kind', { enum: ['classes', 'audits', 'targets', 'allocations'] }).notNull(),
    fileName: text('file_name').notNull(),
    /** hex SHA-256 of the file */
    sha256: text('sha256').notNull(),
    size: integer('size').notNull(),
    /** the file as uploaded; null once pruned */
    bytes: blob('bytes', { mode: 'buffer' }),
    status: text('status', { enum: ['checked', 'refused', 'applied', 'reverted'] }).notNull(),
    /** data rows of the file (without the header) */
    rows: integer('rows').notNull(),
    /** the problems as JSON (ImportProblem[]) */
    problems: text('problems').notNull().default('[]'),
    inserted: integer('inserted').notNull().default(0),
    updated: integer('updated').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    batchId: integer('batch_id').references(() => dataBatches.id),
    /** the uploader's city when their post is a city's; null for the province */
    scope: text('scope'),
    actorId: integer('actor_id'),
    actorLogin: text('actor_login').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    revertedById: integer('reverted_by_id'),
    revertedByLogin: text('reverted_by_login'),
    revertedAt: text('reverted_at'),
  },
  (t) => [index('import_attempts_scope_idx').on(t.scope, t.id), index('import_attempts_prune_idx').on(t.status, t.createdAt)],
);
