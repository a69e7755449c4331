import type { ImportKind, ImportProblem } from '../contract/imports.ts';
import { IMPORT_COLUMNS, type ImportColumn } from './columns.ts';

/** Units a header may carry without changing what its cells mean (元 is the only money unit we read). */
const HARMLESS_SUFFIX = /[([](元|元\/人|人|人次|必填|选填|可选)[)\]]$/;
/** A money header in 万元: its cells would be read 10,000 times too small. */
const TEN_THOUSANDS = /[([]万元(\/人)?[)\]]$/;

/**
 * A header as compared: full-width forms folded (（元） → (元)), spaces, required-marks (*) and a harmless unit
 * suffix dropped, Latin letters lower-cased.
 */
export function normalizeHeader(header: string): string {
  const folded = header.normalize('NFKC').replace(/[\s*]/g, '').toLowerCase();
  return folded.replace(HARMLESS_SUFFIX, '');
}

export interface MappedHeader {
  /** the header as the file writes it */
  header: string;
  /** its position in the row (0-based) */
  index: number;
  /** the field it fills, null for a column the import ignores */
  field: string | null;
}

export interface HeaderMapping<K extends ImportKind = ImportKind> {
  headers: MappedHeader[];
  /** each known column found: its position and the header the file gives it */
  found: Map<ImportColumn<K>['field'], { index: number; header: string }>;
  problems: ImportProblem[];
}

function lookupTable(kind: ImportKind): Map<string, ImportColumn> {
  const table = new Map<string, ImportColumn>();
  for (const column of IMPORT_COLUMNS[kind] as readonly ImportColumn[]) {
    for (const name of [column.header, ...column.synonyms]) table.set(normalizeHeader(name), column);
  }
  return table;
}

/**
 * Headers in any order → the field of each. A header the kind does not know is kept in the answer with field
 * null and otherwise ignored: the platform's exports carry extra columns (联系人, 备注) that must not block an
 * import. A missing required column, a column given twice, or money in 万元 are errors of the file (row null).
 */
export function mapHeaders<K extends ImportKind>(kind: K, cells: readonly string[]): HeaderMapping<K> {
  const table = lookupTable(kind);
  const headers: MappedHeader[] = [];
  const found: HeaderMapping<K>['found'] = new Map();
  const problems: ImportProblem[] = [];
  cells.forEach((raw, index) => {
    const header = raw.trim();
    if (!header) return;
    const normalized = normalizeHeader(header);
    const column = table.get(normalized);
    if (!column) {
      const scaled = TEN_THOUSANDS.test(normalized) ? table.get(normalized.replace(TEN_THOUSANDS, '')) : undefined;
      if (scaled?.type === 'money') {
        problems.push({ row: null, column: header, message: `「${header}」以万元为单位：金额须按元填写，请换算后把表头改为「${scaled.header}」` });
      }
      headers.push({ header, index, field: null });
      return;
    }
    const field = column.field as ImportColumn<K>['field'];
    const earlier = found.get(field);
    if (earlier) {
      problems.push({ row: null, column: header, message: `「${header}」与「${earlier.header}」都是「${column.header}」，请只保留一列` });
      headers.push({ header, index, field: null });
      return;
    }
    found.set(field, { index, header });
    headers.push({ header, index, field });
  });
  for (const column of IMPORT_COLUMNS[kind] as readonly ImportColumn<K>[]) {
    if (column.required && !found.has(column.field)) {
      problems.push({ row: null, column: column.header, message: `缺少必填列「${column.header}」` });
    }
  }
  return { headers, found, problems };
}

/** How many of a row's cells name a column of the kind: the header row is the first that names any. */
export function countKnownHeaders(kind: ImportKind, cells: readonly string[]): number {
  const table = lookupTable(kind);
  return cells.filter((cell) => table.has(normalizeHeader(cell))).length;
}
