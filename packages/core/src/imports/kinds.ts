/*
 * The kinds of data a file brings, without zod: the web app reads these (the audit screen, /imports) and must not
 * pull core's contract schemas into its bundle.
 */

/** 培训班 · 资金审核 · 目标任务 · 资金分配 */
export const IMPORT_KINDS = ['classes', 'audits', 'targets', 'allocations'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export const IMPORT_KIND_LABELS: Readonly<Record<ImportKind, string>> = {
  classes: '培训班', audits: '资金审核', targets: '目标任务', allocations: '资金分配',
};
