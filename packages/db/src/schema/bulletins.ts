import { sql } from 'drizzle-orm';
import { blob, check, integer, primaryKey, sqliteTable, text, uniqueIndex, type AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { users } from './access.ts';

/*
 * The monthly bulletin (通报): a month's draft is the live document built from the current data plus what staff
 * wrote into it (kept here); an issued bulletin is frozen — its document model and its files as issued, with their
 * SHA-256 — and never changes again; a correction is a new version of the same month that names the one it replaces.
 */

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;
const period = (column: AnySQLiteColumn) => sql`${column} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`;

/** What staff wrote into a month's draft (core's BulletinEdits as JSON); `version` for the optimistic check. */
export const bulletinDrafts = sqliteTable(
  'bulletin_drafts',
  {
    period: text('period').primaryKey(),
    edits: text('edits').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: integer('updated_by').notNull().references(() => users.id),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [check('bulletin_drafts_period', period(t.period))],
);

/** An issued bulletin: the document model (JSON) and the files byte for byte, as issued. */
export const bulletins = sqliteTable(
  'bulletins',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    period: text('period').notNull(),
    /** 第N期 */
    issueNumber: integer('issue_number').notNull(),
    /** 1 for the first issue of the month, 2 for its first correction … */
    version: integer('version').notNull(),
    /** the bulletin this one corrects */
    correctionOf: integer('correction_of').references((): AnySQLiteColumn => bulletins.id),
    document: text('document').notNull(),
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    docx: blob('docx', { mode: 'buffer' }).notNull(),
    xlsx: blob('xlsx', { mode: 'buffer' }).notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    docxSha256: text('docx_sha256').notNull(),
    xlsxSha256: text('xlsx_sha256').notNull(),
    issuedBy: integer('issued_by').notNull().references(() => users.id),
    issuedAt: text('issued_at').notNull().default(now),
  },
  (t) => [uniqueIndex('bulletins_period_version_idx').on(t.period, t.version), check('bulletins_period', period(t.period))],
);

/**
 * An issued bulletin's city extracts (摘编), frozen with it: each city's document model and files, built from the same
 * data, settings and numbers in the same transaction. A bulletin issued before extracts were kept has none.
 */
export const bulletinExtracts = sqliteTable(
  'bulletin_extracts',
  {
    bulletinId: integer('bulletin_id').notNull().references(() => bulletins.id),
    cityCode: text('city_code').notNull(),
    document: text('document').notNull(),
    pdf: blob('pdf', { mode: 'buffer' }).notNull(),
    docx: blob('docx', { mode: 'buffer' }).notNull(),
    xlsx: blob('xlsx', { mode: 'buffer' }).notNull(),
    pdfSha256: text('pdf_sha256').notNull(),
    docxSha256: text('docx_sha256').notNull(),
    xlsxSha256: text('xlsx_sha256').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.cityCode] })],
);
