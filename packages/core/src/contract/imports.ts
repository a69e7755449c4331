import { z } from 'zod';
import { IMPORT_KINDS } from '../imports/kinds.ts';

/*
 * The monthly data intake (issue 12): what a file of each kind becomes once its rows are read and validated, and
 * what an import answers. The columns of each kind (Chinese headers, synonyms, rules) live with the validation in
 * core's imports module; the write path in packages/db takes these typed rows and nothing else.
 */

export { IMPORT_KINDS, IMPORT_KIND_LABELS, type ImportKind } from '../imports/kinds.ts';
export const ImportKindSchema = z.enum(IMPORT_KINDS, { error: '导入类别应为 classes、audits、targets 或 allocations' });

/** A training class as a file gives it; institution and occupation by name (created when new), type by code or name. */
export interface ClassImportRow {
  classNo: string;
  regionCode: string;
  institution: string;
  occupation: string;
  /** training_types.code */
  trainingType: string;
  openedOn: string;
  finishedOn: string | null;
  enrolled: number;
  completed: number;
  subsidised: number;
  /** 补贴标准, integer yuan per person */
  subsidyStandard: number;
  /** an approved exception to the 825–4,350 range (its document number or reason); null when none */
  exception: string | null;
}

/** A fund audit (资金审核) of a class, keyed by its own number. */
export interface AuditImportRow {
  auditNo: string;
  classNo: string;
  auditedOn: string;
  /** integer yuan */
  amount: number;
  status: 'approved' | 'rejected' | 'pending';
}

/** A region's annual target (目标任务, trainees). */
export interface TargetImportRow {
  regionCode: string;
  year: number;
  trainees: number;
}

/** A region's annual fund allocation (资金分配, integer yuan), before reallocations. */
export interface AllocationImportRow {
  regionCode: string;
  year: number;
  fundsBudget: number;
}

export interface ImportRowsByKind {
  classes: ClassImportRow;
  audits: AuditImportRow;
  targets: TargetImportRow;
  allocations: AllocationImportRow;
}

/** One problem of a file: 第12行「结业日期」早于「开班日期」. `row` is the sheet's row number (the header is row 1). */
export const ImportProblemSchema = z.object({
  row: z.number().int().nullable().meta({ description: '表格中的行号（表头为第1行）；null 为整个文件的问题（如缺少表头）' }),
  column: z.string().nullable().meta({ description: '列名（中文表头）；null 为整行的问题' }),
  message: z.string(),
});
export type ImportProblem = z.infer<typeof ImportProblemSchema>;

/** What a dry run answers, and a refused import (422). */
export const ImportReportSchema = z.object({
  /** the upload's id: its marked-up report downloads from /api/imports/{id}/report.xlsx */
  id: z.number().int().optional(),
  ok: z.boolean(),
  kind: ImportKindSchema,
  rows: z.number().int().meta({ description: '数据行数（不含表头）' }),
  errors: z.array(ImportProblemSchema),
  /** the headers found and the field each was mapped to */
  headers: z.array(z.object({ header: z.string(), field: z.string().nullable() })),
  /** the first data rows as read (at most 10), by field, for the preview */
  preview: z.array(z.object({ row: z.number().int(), cells: z.record(z.string(), z.string()) })).optional(),
  /** what is right but worth knowing (e.g. 2021年尚无目标任务), in Chinese; never a reason to refuse */
  warnings: z.array(z.string()).optional(),
  /** what applying would change; absent when the file has errors */
  changes: z.object({ inserted: z.number().int(), updated: z.number().int(), unchanged: z.number().int() }).optional(),
});
export type ImportReport = z.infer<typeof ImportReportSchema>;

/** What an applied import answers. */
export const ImportResultSchema = z.object({
  id: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  warnings: z.array(z.string()).optional(),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;

/*
 * The routes' answers (issue 12, items 5–7): every upload is kept as an attempt — a dry run, a refused file or an
 * applied one — so its marked-up report downloads by the attempt's id and an applied one reverts by it.
 */

export const ImportStatusSchema = z.enum(['checked', 'refused', 'applied', 'reverted']).meta({
  description: 'checked 已校验（试导入） · refused 有错误未导入 · applied 已导入 · reverted 已撤销',
});
export type ImportStatus = z.infer<typeof ImportStatusSchema>;

const who = z.object({ login: z.string(), name: z.string() });

/** One upload in the history. */
export const ImportRecordSchema = z.object({
  id: z.number().int(),
  kind: ImportKindSchema,
  fileName: z.string(),
  sha256: z.string(),
  size: z.number().int().meta({ description: '文件字节数' }),
  status: ImportStatusSchema,
  rows: z.number().int(),
  errors: z.number().int().meta({ description: '问题数' }),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  /** the data batch an applied import wrote */
  batchId: z.number().int().nullable(),
  /** the city the uploader's post is scoped to; null for the province */
  scope: z.string().nullable(),
  importedBy: who,
  importedAt: z.string(),
  revertedBy: who.nullable(),
  revertedAt: z.string().nullable(),
});
export type ImportRecord = z.infer<typeof ImportRecordSchema>;

export const ImportListSchema = z.object({ imports: z.array(ImportRecordSchema) });

/** One region's data for a month: when it last arrived (null: not yet — never read as zero progress). */
export const FreshnessRowSchema = z.object({
  regionCode: z.string(),
  regionName: z.string(),
  level: z.enum(['city', 'county']),
  parentCode: z.string().nullable(),
  lastArrivedAt: z.string().nullable(),
  /** for a city: how many of its counties' data have arrived, of how many */
  countiesArrived: z.number().int().nullable(),
  counties: z.number().int().nullable(),
});
export type FreshnessRow = z.infer<typeof FreshnessRowSchema>;

export const FreshnessSchema = z.object({
  period: z.string(),
  /** the month is closed (关账): imports for it are refused until an administrator reopens it */
  closed: z.boolean(),
  closedAt: z.string().nullable(),
  closedBy: z.string().nullable(),
  regions: z.array(FreshnessRowSchema),
  /** regions (counties) whose month has not arrived */
  missing: z.number().int(),
});
export type Freshness = z.infer<typeof FreshnessSchema>;
