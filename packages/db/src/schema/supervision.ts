import { sql } from 'drizzle-orm';
import { check, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { users } from './access.ts';
import { dataBatches } from './data.ts';
import { regions } from './regions.ts';

/*
 * What people do about the numbers (design.md: "what people do is stored, audited, and scoped to a region"):
 * supervision actions and their steps, notes on a region-month with their history, and fund reallocation rounds.
 */

const now = sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`;

/**
 * 督导事项: one-to-one guidance (一对一指导) or a summons (约谈) opened by the province on a region for a period.
 * `version` goes up with every step, so that two people stepping at once cannot both succeed (optimistic check).
 */
export const supervisionActions = sqliteTable(
  'supervision_actions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    regionCode: text('region_code').notNull().references(() => regions.code),
    /** 'YYYY-MM', the month whose numbers prompted it */
    period: text('period').notNull(),
    kind: text('kind', { enum: ['guidance', 'summons'] }).notNull(),
    /** 'YYYY-MM-DD', Beijing time: overdue from the next day on while not closed */
    dueDate: text('due_date').notNull(),
    requirement: text('requirement').notNull(),
    /** the alert rule it was opened from, with the alert as it stood then (JSON), frozen */
    alertRule: text('alert_rule'),
    alert: text('alert'),
    state: text('state', { enum: ['open', 'answered', 'returned', 'closed'] }).notNull(),
    version: integer('version').notNull().default(1),
    openedBy: integer('opened_by').notNull().references(() => users.id),
    openedAt: text('opened_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [
    index('actions_region_idx').on(t.regionCode),
    index('actions_state_due_idx').on(t.state, t.dueDate),
    check('actions_period', sql`${t.period} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'`),
  ],
);

/** Every step of an action, in order: open, answer, return, accept — who, when, and its text (JSON). */
export const supervisionSteps = sqliteTable(
  'supervision_steps',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    actionId: integer('action_id').notNull().references(() => supervisionActions.id),
    /** the action's version this step produced */
    version: integer('version').notNull(),
    step: text('step', { enum: ['open', 'answer', 'accept', 'return'] }).notNull(),
    actorId: integer('actor_id').notNull().references(() => users.id),
    at: text('at').notNull().default(now),
    /** JSON: {requirement} | {situation, plan, …} | {reason} | {} */
    content: text('content').notNull(),
  },
  (t) => [uniqueIndex('steps_action_version_idx').on(t.actionId, t.version)],
);

/**
 * 情况说明 on a region-month's numbers (「受疫情影响，5月起集中开班」). Edited only by its author; every text it
 * ever had stays in region_note_versions.
 */
export const regionNotes = sqliteTable(
  'region_notes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    regionCode: text('region_code').notNull().references(() => regions.code),
    period: text('period').notNull(),
    text: text('text').notNull(),
    authorId: integer('author_id').notNull().references(() => users.id),
    version: integer('version').notNull().default(1),
    createdAt: text('created_at').notNull().default(now),
    updatedAt: text('updated_at').notNull().default(now),
  },
  (t) => [index('notes_region_period_idx').on(t.regionCode, t.period), index('notes_period_idx').on(t.period)],
);

/** Each text a note has had, version 1 first. */
export const regionNoteVersions = sqliteTable(
  'region_note_versions',
  {
    noteId: integer('note_id').notNull().references(() => regionNotes.id),
    version: integer('version').notNull(),
    text: text('text').notNull(),
    editorId: integer('editor_id').notNull().references(() => users.id),
    at: text('at').notNull().default(now),
  },
  (t) => [uniqueIndex('note_versions_idx').on(t.noteId, t.version)],
);

/**
 * 资金调剂轮次: a round's date, document number (文号) and who recorded it; its moves are fund_reallocations rows
 * with the same round. A revoked round stays (revoked_at set) and its moves stop counting in every metric.
 */
export const reallocationRounds = sqliteTable(
  'reallocation_rounds',
  {
    round: integer('round').primaryKey(),
    /** 'YYYY-MM-DD': budgets change from this day on */
    reallocatedOn: text('reallocated_on').notNull(),
    documentNumber: text('document_number').notNull(),
    note: text('note'),
    /** null for the demo's rounds */
    recordedBy: integer('recorded_by').references(() => users.id),
    recordedAt: text('recorded_at').notNull().default(now),
    revokedAt: text('revoked_at'),
    revokedBy: integer('revoked_by').references(() => users.id),
    revokeReason: text('revoke_reason'),
    batchId: integer('batch_id').references(() => dataBatches.id),
  },
  (t) => [index('rounds_date_idx').on(t.reallocatedOn)],
);
