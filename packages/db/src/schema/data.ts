import { sql } from 'drizzle-orm';
import { check, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { regions } from './regions.ts';

/*
 * Money is integer yuan everywhere; dates are ISO 'YYYY-MM-DD' text so that a period's window is a string range.
 */

/** A region and a calendar year: the key of every yearly and monthly figure. */
const regionYear = () => ({
  regionCode: text('region_code').notNull().references(() => regions.code),
  year: integer('year').notNull(),
});

/**
 * 数据批次: every write of data (the demo, an import, a reallocation round, the revert of one of them) is one batch,
 * written by writeDataBatch or revertBatch in one transaction with its change log, rollup, data version and audit line.
 */
export const dataBatches = sqliteTable('data_batches', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  kind: text('kind', { enum: ['demo', 'import', 'reallocation', 'revert'] }).notNull(),
  label: text('label').notNull(),
  createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
  /** for an import: classes | audits | targets | allocations */
  importKind: text('import_kind'),
  fileName: text('file_name'),
  /** hex SHA-256 of the uploaded file */
  sha256: text('sha256'),
  actorId: integer('actor_id'),
  actorLogin: text('actor_login'),
  inserted: integer('inserted').notNull().default(0),
  updated: integer('updated').notNull().default(0),
  unchanged: integer('unchanged').notNull().default(0),
  /** rows a revert deleted (the rows its batch had inserted) */
  deleted: integer('deleted').notNull().default(0),
  /** the revert batch that undid this one */
  revertedBy: integer('reverted_by'),
  /** for a revert: the batch it undid */
  reverts: integer('reverts'),
});

/**
 * 变更记录: each row a batch inserted, updated or (a revert) deleted, by its table and natural key, with the row's
 * previous version (`before`, null for an insert) and its new one (`after`, null for a delete), as JSON of its
 * columns. Unchanged rows are counted in the batch, not logged. Revert restores `before`. Inserts into the tables
 * whose rows carry batch_id (classes, audits, annual targets) are not logged either: a batch's inserts there are its
 * rows it did not log an update for (write-path/logged-tables.ts, UNLOGGED_INSERTS); its revert logs them as deleted.
 */
export const dataChanges = sqliteTable(
  'data_changes',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    batchId: integer('batch_id').notNull().references(() => dataBatches.id),
    tableName: text('table_name').notNull(),
    naturalKey: text('natural_key').notNull(),
    before: text('before'),
    after: text('after'),
  },
  (t) => [index('changes_batch_idx').on(t.batchId, t.tableName), index('changes_key_idx').on(t.tableName, t.naturalKey)],
);

/**
 * 数据到达: which batch brought data for a region's month (a class opened or finished, an audit dated in it), and
 * when. Kept per batch, so that the revert of the last one leaves the arrival before it as the latest.
 */
export const dataArrivals = sqliteTable(
  'data_arrivals',
  {
    ...regionYear(),
    month: integer('month').notNull(),
    batchId: integer('batch_id').notNull().references(() => dataBatches.id),
    arrivedAt: text('arrived_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.year, t.month, t.regionCode, t.batchId] })],
);

/** 关账: a closed month refuses every write that would change its figures until an administrator reopens it. */
export const periodClosures = sqliteTable(
  'period_closures',
  {
    year: integer('year').notNull(),
    month: integer('month').notNull(),
    closedAt: text('closed_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    closedBy: integer('closed_by'),
    closedByLogin: text('closed_by_login'),
  },
  (t) => [primaryKey({ columns: [t.year, t.month] }), check('closures_month', sql`${t.month} BETWEEN 1 AND 12`)],
);

/** 目标任务 and the fund budget allocated to a region for a year (before reallocations). */
export const annualTargets = sqliteTable(
  'annual_targets',
  {
    ...regionYear(),
    trainees: integer('trainees').notNull(),
    fundsBudget: integer('funds_budget').notNull(),
    batchId: integer('batch_id').references(() => dataBatches.id),
  },
  (t) => [
    primaryKey({ columns: [t.regionCode, t.year] }),
    check('annual_targets_non_negative', sql`${t.trainees} >= 0 AND ${t.fundsBudget} >= 0`),
  ],
);

/** 培训机构, incl. enterprise training centres. */
export const institutions = sqliteTable('institutions', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
  regionCode: text('region_code').notNull().references(() => regions.code),
  kind: text('kind', { enum: ['school', 'centre', 'enterprise'] }).notNull(),
});

/** 工种 */
export const occupations = sqliteTable('occupations', {
  id: integer('id').primaryKey(),
  name: text('name').notNull().unique(),
});

/** 培训类型: 就业技能培训, 以工代训, 新型学徒制 … */
export const trainingTypes = sqliteTable('training_types', {
  id: integer('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
});

/** 培训班: opened (开班), finished (结课, null while running), its people and its subsidy standard per person. */
export const trainingClasses = sqliteTable(
  'training_classes',
  {
    id: integer('id').primaryKey(),
    classNo: text('class_no').notNull().unique(),
    regionCode: text('region_code').notNull().references(() => regions.code),
    institutionId: integer('institution_id').notNull().references(() => institutions.id),
    occupationId: integer('occupation_id').notNull().references(() => occupations.id),
    trainingTypeId: integer('training_type_id').notNull().references(() => trainingTypes.id),
    openedOn: text('opened_on').notNull(),
    finishedOn: text('finished_on'),
    enrolled: integer('enrolled').notNull(),
    completed: integer('completed').notNull(),
    subsidised: integer('subsidised').notNull(),
    /** 补贴标准, yuan per person */
    subsidyStandard: integer('subsidy_standard').notNull(),
    batchId: integer('batch_id').references(() => dataBatches.id),
  },
  (t) => [
    index('classes_region_opened_idx').on(t.regionCode, t.openedOn),
    index('classes_region_finished_idx').on(t.regionCode, t.finishedOn),
    index('classes_institution_idx').on(t.institutionId),
    check(
      'classes_people',
      sql`${t.completed} >= 0 AND ${t.completed} <= ${t.enrolled} AND ${t.subsidised} >= 0 AND ${t.subsidised} <= ${t.completed}`,
    ),
    check('classes_dates', sql`${t.finishedOn} IS NULL OR ${t.finishedOn} >= ${t.openedOn}`),
  ],
);

/** 资金审核: the subsidy approved for a class; only approved audits count as funds audited. */
export const fundAudits = sqliteTable(
  'fund_audits',
  {
    id: integer('id').primaryKey(),
    /** 审核编号, the natural key an import matches on; rows from before it existed got 'SH' || class_no || '-' || id */
    auditNo: text('audit_no').unique(),
    classId: integer('class_id').notNull().references(() => trainingClasses.id),
    auditedOn: text('audited_on').notNull(),
    amount: integer('amount').notNull(),
    status: text('status', { enum: ['approved', 'rejected', 'pending'] }).notNull(),
    batchId: integer('batch_id').references(() => dataBatches.id),
  },
  (t) => [
    index('audits_class_idx').on(t.classId),
    index('audits_date_idx').on(t.auditedOn),
    check('audits_amount', sql`${t.amount} >= 0`),
  ],
);

/**
 * 资金调剂: money moved between regions' budgets. `fromCode` 430000 is the provincial pool, which is outside
 * every region's budget, so a move from it raises the province total (the sum of its cities).
 */
export const fundReallocations = sqliteTable(
  'fund_reallocations',
  {
    id: integer('id').primaryKey(),
    round: integer('round').notNull(),
    fromCode: text('from_code').notNull().references(() => regions.code),
    toCode: text('to_code').notNull().references(() => regions.code),
    amount: integer('amount').notNull(),
    reallocatedOn: text('reallocated_on').notNull(),
    batchId: integer('batch_id').references(() => dataBatches.id),
  },
  (t) => [index('reallocations_date_idx').on(t.reallocatedOn), check('reallocations_amount', sql`${t.amount} > 0`)],
);

/**
 * Per region per month: what opened, finished and was audited in that month. Derived from the tables above by
 * refreshMonthlyRollup in the same transaction as every write, so the dashboard never scans classes.
 */
export const regionMonthRollup = sqliteTable(
  'region_month_rollup',
  {
    ...regionYear(),
    month: integer('month').notNull(),
    classesOpened: integer('classes_opened').notNull(),
    classesFinished: integer('classes_finished').notNull(),
    trainees: integer('trainees').notNull(),
    subsidised: integer('subsidised').notNull(),
    fundsAudited: integer('funds_audited').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionCode, t.year, t.month] }), index('rollup_year_month_idx').on(t.year, t.month)],
);
