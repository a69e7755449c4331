import {
  formatCount, IMPORT_COLUMNS, IMPORT_KIND_LABELS, IMPORT_KINDS, type Freshness, type ImportColumn, type ImportKind, type ImportRecord, type ImportReport, type ImportStatus,
} from '@dispatch/core';

/** The kinds and their names: core's zod-free imports/kinds.ts, so no schema reaches the browser's bundle. */
export const KIND_LABELS = IMPORT_KIND_LABELS;
export const KINDS: readonly ImportKind[] = IMPORT_KINDS;

/** The upload limit the API states and enforces (413 beyond it); the browser refuses a larger file before sending it. */
export const UPLOAD_LIMIT_BYTES = 20 * 1024 * 1024;
export const UPLOAD_LIMIT_TEXT = '20 MB';
export const ACCEPTED_EXTENSIONS = ['.xlsx', '.csv'] as const;

/** Why a chosen file cannot be sent, in Chinese; null when it may be. */
export function fileProblem(file: { name: string; size: number }): string | null {
  const name = file.name.toLowerCase();
  if (!ACCEPTED_EXTENSIONS.some((ext) => name.endsWith(ext))) return `「${file.name}」不是 .xlsx 或 .csv 文件，请另存为 Excel 工作簿（.xlsx）或 CSV 后再选择。`;
  if (file.size === 0) return `「${file.name}」是空文件。`;
  if (file.size > UPLOAD_LIMIT_BYTES) return `「${file.name}」有 ${formatFileSize(file.size)}，超过 ${UPLOAD_LIMIT_TEXT} 的上限，请分成几个文件导入。`;
  return null;
}

/** 1,536 → "1.5 KB"; 21,000,000 → "20.0 MB". */
export function formatFileSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The template's Chinese header of a field of a kind ('openedOn' → 开班日期); the field itself when unknown. */
export function fieldLabel(kind: ImportKind, field: string): string {
  return (IMPORT_COLUMNS[kind] as readonly ImportColumn[]).find((c) => c.field === field)?.header ?? field;
}

export interface HeaderLine {
  header: string;
  /** the field's own header in the template; null: the column is not used (「未使用」) */
  label: string | null;
}

/** 表头 → 字段, in the file's order. */
export function headerLines(report: Pick<ImportReport, 'kind' | 'headers'>): HeaderLine[] {
  return report.headers.map(({ header, field }) => ({ header, label: field === null ? null : fieldLabel(report.kind, field) }));
}

/** The preview's columns: the mapped fields in the file's order (unused columns are not read, so not shown). */
export function previewColumns(report: Pick<ImportReport, 'kind' | 'headers'>): { field: string; label: string }[] {
  const fields = report.headers.flatMap(({ field }) => (field === null ? [] : [field]));
  return [...new Set(fields)].map((field) => ({ field, label: fieldLabel(report.kind, field) }));
}

export interface ProblemLine {
  row: string;
  column: string;
  message: string;
}

/** The validation report as a table: 行 (第12行, or 整个文件), 列 (or 整行), 问题. */
export function problemLines(report: Pick<ImportReport, 'errors'>): ProblemLine[] {
  return report.errors.map((p) => ({ row: p.row === null ? '整个文件' : `第${p.row}行`, column: p.column ?? (p.row === null ? '—' : '整行'), message: p.message }));
}

/** 「共 120 行数据，未发现问题」 or 「共 120 行数据，发现 3 个问题，未导入任何数据」. */
export function reportSummary(report: Pick<ImportReport, 'ok' | 'rows' | 'errors'>): string {
  const rows = `共 ${formatCount(report.rows)} 行数据`;
  if (report.ok && report.errors.length === 0) return `${rows}，未发现问题。`;
  return `${rows}，发现 ${formatCount(report.errors.length)} 个问题，整个文件未导入；请修改后重新上传。`;
}

/** 新增 3、更新 1、不变 40 */
export function countsText(counts: { inserted: number; updated: number; unchanged: number }): string {
  return `新增 ${formatCount(counts.inserted)}、更新 ${formatCount(counts.updated)}、不变 ${formatCount(counts.unchanged)}`;
}

/** Whether applying changes anything: the same file twice is 0/0/N. */
export function changesAnything(counts: { inserted: number; updated: number }): boolean {
  return counts.inserted + counts.updated > 0;
}

export const IMPORT_STATUS_LABELS: Readonly<Record<ImportStatus, string>> = {
  checked: '已校验（试导入）', refused: '有错误，未导入', applied: '已导入', reverted: '已撤销',
};

/** The start of a SHA-256, enough to tell files apart on screen (the whole on hover). */
export function shortSha(sha256: string): string {
  return sha256.slice(0, 12);
}

/** What a revert will undo, for its confirmation. */
export function revertQuestion(record: Pick<ImportRecord, 'fileName' | 'inserted' | 'updated'>): string {
  return `撤销「${record.fileName}」的导入？将删除其新增的 ${formatCount(record.inserted)} 条、恢复其更新的 ${formatCount(record.updated)} 条为导入前的内容；撤销本身也会记录。`;
}

export interface CityFreshness {
  code: string;
  name: string;
  arrived: number;
  counties: number;
  lastArrivedAt: string | null;
  /** the names of the counties whose month has not arrived */
  missing: string[];
}

/** Per city: 已报送 x/y, the latest arrival, the counties not arrived named. */
export function freshnessByCity(freshness: Pick<Freshness, 'regions'>): CityFreshness[] {
  const counties = freshness.regions.filter((r) => r.level === 'county');
  return freshness.regions
    .filter((r) => r.level === 'city')
    .map((city) => {
      const own = counties.filter((c) => c.parentCode === city.regionCode);
      const arrivals = [city, ...own].flatMap((r) => (r.lastArrivedAt ? [r.lastArrivedAt] : []));
      return {
        code: city.regionCode,
        name: city.regionName,
        arrived: city.countiesArrived ?? own.filter((c) => c.lastArrivedAt !== null).length,
        counties: city.counties ?? own.length,
        lastArrivedAt: arrivals.length ? arrivals.reduce((a, b) => (a > b ? a : b)) : null,
        missing: own.filter((c) => c.lastArrivedAt === null).map((c) => c.regionName),
      };
    });
}

/** The counties of one city whose month has not arrived. */
export function missingCounties(freshness: Pick<Freshness, 'regions'>, cityCode: string): string[] {
  return freshness.regions.filter((r) => r.level === 'county' && r.parentCode === cityCode && r.lastArrivedAt === null).map((r) => r.regionName);
}

/** 「本月尚有 N 个县市区数据未报送」; null when every county's month has arrived. */
export function missingBanner(missing: number): string | null {
  return missing > 0 ? `本月尚有 ${formatCount(missing)} 个县市区数据未报送` : null;
}
