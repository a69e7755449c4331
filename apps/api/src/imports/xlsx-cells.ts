import type { RawCell, SheetRow } from '@dispatch/core';
import { strFromU8, unzipSync } from 'fflate';

/**
 * An .xlsx read for its cells only: the zip opened with fflate and the sheet's XML scanned for its cells, instead of
 * exceljs building its whole model (styles, fonts, every cell object) — exceljs took 8–10× sqlite3's import of the
 * same rows to read a year of classes. Cells come out as exceljs shows them (cellValue in read-file.ts): shared and
 * inline strings (rich text joined), numbers, dates (a number in a date format, as exceljs converts it), booleans,
 * errors, a formula's cached result, a merged range's value in each of its cells. Anything unexpected throws, and
 * the caller reads the file with exceljs instead.
 */
export interface XlsxCells {
  /** the sheets' names, in the workbook's order */
  names: string[];
  /** the rows of the sheet at `index` that have a cell with a value, with their sheet row numbers */
  rows: (index: number) => SheetRow[];
}

export function openXlsxCells(bytes: Uint8Array): XlsxCells {
  const files = unzipSync(bytes, { filter: (file) => file.name.startsWith('xl/') && /\.(xml|rels)$/.test(file.name) });
  const text = (path: string) => {
    const file = files[path];
    return file ? strFromU8(file) : undefined;
  };
  const workbook = text('xl/workbook.xml');
  if (!workbook || !/<sheets\b/.test(workbook)) throw new Error('no workbook.xml in the expected form');
  const targets = new Map<string, string>();
  for (const [, attrs] of (text('xl/_rels/workbook.xml.rels') ?? '').matchAll(/<Relationship\b([^>]*)>/g)) {
    const a = attributes(attrs!);
    if (a.Id && a.Target) targets.set(a.Id, a.Target.startsWith('/') ? a.Target.slice(1) : `xl/${a.Target}`);
  }
  const sheets = [...workbook.matchAll(/<sheet\b([^>]*)>/g)].map(([, attrs]) => {
    const a = attributes(attrs!);
    const path = targets.get(a['r:id'] ?? '');
    if (a.name === undefined || !path) throw new Error('a sheet without a name or a part');
    return { name: decodeXml(a.name), path };
  });
  const date1904 = /<workbookPr\b[^>]*\bdate1904="(1|true)"/.test(workbook);
  const shared = sharedStrings(text('xl/sharedStrings.xml') ?? '');
  const dateStyles = dateStyleIndexes(text('xl/styles.xml') ?? '');
  return {
    names: sheets.map((s) => s.name),
    rows: (index) => {
      const xml = text(sheets[index]!.path);
      if (xml === undefined || !/<sheetData\b/.test(xml)) throw new Error('a sheet part missing or not in the expected form');
      return sheetRows(xml, { shared, dateStyles, date1904 });
    },
  };
}

interface Lookups {
  shared: string[];
  dateStyles: Set<number>;
  date1904: boolean;
}

const ROW = /<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g;
const CELL = /<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g;
const VALUE = /<v(?:\s[^>]*)?>([\s\S]*?)<\/v>/;
const INLINE = /<is>([\s\S]*?)<\/is>/;

function sheetRows(xml: string, lookups: Lookups): SheetRow[] {
  const byNumber = new Map<number, RawCell[]>();
  let rowNumber = 0;
  for (const [, rowAttrs, content] of xml.matchAll(ROW)) {
    const r = /\br="(\d+)"/.exec(rowAttrs!);
    rowNumber = r ? Number(r[1]) : rowNumber + 1;
    if (!content) continue;
    const cells: RawCell[] = [];
    let column = 0;
    for (const [, cellAttrs, inner] of content.matchAll(CELL)) {
      const ref = attribute(cellAttrs!, 'r');
      column = ref ? columnIndex(ref) : column + 1;
      cells[column - 1] = cellOf(attribute(cellAttrs!, 't'), attribute(cellAttrs!, 's'), inner ?? '', lookups);
    }
    byNumber.set(rowNumber, cells);
  }
  fillMerges(xml, byNumber);
  const rows: SheetRow[] = [];
  for (const number of [...byNumber.keys()].sort((a, b) => a - b)) {
    const cells = Array.from(byNumber.get(number)!, (cell) => cell ?? null);
    if (cells.some((cell) => cell !== null)) rows.push({ row: number, cells });
  }
  return rows;
}

function cellOf(type: string | undefined, style: string | undefined, inner: string, { shared, dateStyles, date1904 }: Lookups): RawCell {
  if (type === 'inlineStr') {
    const inline = INLINE.exec(inner);
    return inline ? textOf(inline[1]!) : null;
  }
  const v = VALUE.exec(inner)?.[1];
  if (v === undefined) return null;
  switch (type) {
    case 's': {
      const s = shared[Number(v)];
      if (s === undefined) throw new Error(`shared string ${v} missing`);
      return s;
    }
    case 'str':
    case 'e':
      return decodeXml(v);
    case 'b':
      return parseInt(v, 10) !== 0;
    case 'd':
      return new Date(v);
    default: {
      const n = parseFloat(v);
      if (style !== undefined && dateStyles.has(Number(style))) return new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
      return n;
    }
  }
}

/** A merged range shows its first cell's value in every cell of it, as exceljs reads it. */
function fillMerges(xml: string, byNumber: Map<number, RawCell[]>): void {
  for (const match of xml.matchAll(/<mergeCell\b[^>]*\bref="([A-Z]+)(\d+):([A-Z]+)(\d+)"/g)) {
    const [firstColumn, firstRow, lastColumn, lastRow] = [columnIndex(match[1]!), Number(match[2]), columnIndex(match[3]!), Number(match[4])];
    const value = byNumber.get(firstRow)?.[firstColumn - 1] ?? null;
    for (let row = firstRow; row <= lastRow; row++) {
      let cells = byNumber.get(row);
      if (!cells) byNumber.set(row, (cells = []));
      for (let column = firstColumn; column <= lastColumn; column++) cells[column - 1] = value;
    }
  }
}

/** Each shared string's text, a rich one's runs joined; phonetic guides (rPh) left out. */
function sharedStrings(xml: string): string[] {
  return [...xml.matchAll(/<si\b[^>]*?(?:\/>|>([\s\S]*?)<\/si>)/g)].map(([, content]) => textOf(content ?? ''));
}

function textOf(xml: string): string {
  let text = '';
  for (const [, t] of xml.replace(/<rPh\b[\s\S]*?<\/rPh>/g, '').matchAll(/<t(?:\s[^>]*)?>([\s\S]*?)<\/t>/g)) text += decodeXml(t!);
  return text;
}

/** The cellXfs (a cell's s) whose number format shows a date or a time, by exceljs's test of the format. */
function dateStyleIndexes(xml: string): Set<number> {
  const formats = new Map<number, string>();
  for (const [, attrs] of xml.matchAll(/<numFmt\b([^>]*)>/g)) {
    const a = attributes(attrs!);
    if (a.numFmtId !== undefined && a.formatCode !== undefined) formats.set(Number(a.numFmtId), decodeXml(a.formatCode));
  }
  const xfs = /<cellXfs\b[^>]*>([\s\S]*?)<\/cellXfs>/.exec(xml)?.[1] ?? '';
  const dates = new Set<number>();
  [...xfs.matchAll(/<xf\b([^>]*)>/g)].forEach(([, attrs], index) => {
    const id = Number(attributes(attrs!).numFmtId ?? 0);
    if (isDateFormat(formats.get(id) ?? (BUILT_IN_DATE_FORMATS.has(id) ? 'd' : undefined))) dates.add(index);
  });
  return dates;
}

/** The built-in number formats exceljs knows as dates or times (14–22: m-d-yy … h:mm:ss; 45–47: mm:ss …). */
const BUILT_IN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47]);

function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** One attribute of a tag's attribute text, found without a regular expression: a sheet has one tag per cell. */
function attribute(text: string, name: string): string | undefined {
  for (let at = text.indexOf(`${name}="`); at >= 0; at = text.indexOf(`${name}="`, at + 1)) {
    if (at > 0 && text.charCodeAt(at - 1) <= 32) { // a whole name: after a space, tab or line break
      const start = at + name.length + 2;
      return text.slice(start, text.indexOf('"', start));
    }
  }
  return undefined;
}

function attributes(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [, name, value] of text.matchAll(/([\w:]+)="([^"]*)"/g)) out[name!] = value!;
  return out;
}

/** A1 → 1, AB12 → 28. */
function columnIndex(ref: string): number {
  let index = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code < 65 || code > 90) break;
    index = index * 26 + code - 64;
  }
  return index;
}

const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

function decodeXml(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, entity: string) => {
    if (entity.startsWith('#x')) return String.fromCodePoint(parseInt(entity.slice(2), 16));
    if (entity.startsWith('#')) return String.fromCodePoint(parseInt(entity.slice(1), 10));
    return ENTITIES[entity] ?? whole;
  });
}
