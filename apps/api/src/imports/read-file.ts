import type { ImportKind, RawCell, SheetRow } from '@dispatch/core';
import { IMPORT_KIND_LABELS } from '@dispatch/core/imports'; // not the whole of core: read in the import worker too
import { isUtf8 } from 'node:buffer';
import type ExcelJS from 'exceljs';
import { CsvPieces, parseCsv } from './csv.ts';
import { openXlsxCells } from './xlsx-cells.ts';

/** More rows than five years of a province's classes (about 30,000 a year): beyond it, split the file. */
export const MAX_IMPORT_ROWS = 200_000;

/** A file the importer cannot read at all; its message is the Chinese sentence the user sees. */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
}

export interface ReadFile {
  format: 'xlsx' | 'csv';
  /** the sheet read (xlsx), null for CSV */
  sheetName: string | null;
  /** the text encoding detected (CSV) */
  encoding: 'utf-8' | 'gb18030' | 'utf-16le' | null;
  /** the rows with their sheet row numbers, trailing blank rows dropped (but a large CSV's, read as they are asked for: CsvPieces) */
  rows: Iterable<SheetRow>;
}

const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const startsWith = (bytes: Uint8Array, magic: number[]) => magic.every((byte, i) => bytes[i] === byte);

/** Reads an uploaded .xlsx or .csv, told apart by content (a renamed file still reads), the name only for messages. */
export async function readImportFile(kind: ImportKind, fileName: string, bytes: Uint8Array): Promise<ReadFile> {
  if (bytes.length === 0) throw new ImportFileError(`「${fileName}」是空文件`);
  if (startsWith(bytes, ZIP)) {
    const lean = readCellsOnly(bytes, kind);
    if (lean) return lean;
    const sheet = pickSheet(await loadWorkbook(bytes, fileName), kind);
    return { format: 'xlsx', sheetName: sheet.name, encoding: null, rows: limitRows(sheetRows(sheet)) };
  }
  if (startsWith(bytes, OLE2)) throw new ImportFileError(`「${fileName}」是旧版 Excel（.xls）文件：请在 Excel 中另存为 .xlsx 或 CSV 后上传`);
  // A file named .xlsx that is not a workbook (a renamed text file, a page saved from a browser) is not read as CSV:
  // its "missing columns" would hide what is wrong with it.
  if (/\.xlsx$/i.test(fileName.trim())) throw new ImportFileError(`「${fileName}」的扩展名是 .xlsx，但内容不是 Excel 工作簿：请在 Excel 中打开并另存为 .xlsx 后上传`);
  const pieces = csvPieces(bytes);
  if (pieces) return { format: 'csv', sheetName: null, encoding: 'utf-8', rows: pieces };
  const { text, encoding } = decodeText(bytes, fileName);
  return { format: 'csv', sheetName: null, encoding, rows: limitRows(parseCsv(text)) };
}

/**
 * The rows of a CSV read as they are asked for (CsvPieces), when that reads as decodeText and parseCsv would: UTF-8
 * (checked for the whole file at once, without decoding it), no quote anywhere, no NUL, and no more lines than the
 * import takes. Else undefined: read at once. A five-year file's first rows are checked (and written) while the rest
 * is still being decoded, where decoding it all took 90 ms first.
 */
function csvPieces(bytes: Uint8Array): CsvPieces | undefined {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = startsWith(bytes, [0xef, 0xbb, 0xbf]) ? 3 : 0;
  if (startsWith(bytes, [0xff, 0xfe]) || buffer.indexOf(0) >= 0 || buffer.indexOf(0x22, start) >= 0 || !isUtf8(buffer.subarray(start))) return undefined;
  let lines = 0;
  for (let at = buffer.indexOf(0x0a, start); at >= 0 && lines <= MAX_IMPORT_ROWS + 1; at = buffer.indexOf(0x0a, at + 1)) lines++;
  return lines <= MAX_IMPORT_ROWS + 1 ? new CsvPieces(buffer, start, MAX_IMPORT_ROWS + 1, tooMany) : undefined;
}

/**
 * The sheet pickSheet would choose, read by openXlsxCells; undefined when that reader meets anything it does not
 * expect (exceljs then reads the file, and words what is wrong with it).
 */
function readCellsOnly(bytes: Uint8Array, kind: ImportKind): ReadFile | undefined {
  try {
    const workbook = openXlsxCells(bytes);
    const named = [IMPORT_KIND_LABELS[kind], kind];
    let index = workbook.names.findIndex((name) => named.includes(name.trim()));
    let rows = index >= 0 ? workbook.rows(index) : undefined;
    for (let i = 0; !rows && i < workbook.names.length; i++) {
      const read = workbook.rows(i);
      if (read.some((row) => row.cells.some(isContent))) [index, rows] = [i, read];
    }
    if (!rows) [index, rows] = [0, workbook.rows(0)];
    return { format: 'xlsx', sheetName: workbook.names[index]!, encoding: null, rows: limitRows(rows) };
  } catch (error) {
    if (error instanceof ImportFileError) throw error;
    return undefined;
  }
}

const isContent = (cell: RawCell) => cell !== null && !(typeof cell === 'string' && cell.trim() === '');

export async function loadWorkbook(bytes: Uint8Array, fileName: string): Promise<ExcelJS.Workbook> {
  // loaded only for a workbook the lean reader could not read: exceljs takes ~0.8 s to load, which the import worker
  // paid at its start for every file, a CSV too
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer);
  } catch {
    throw new ImportFileError(`「${fileName}」不是有效的 .xlsx 文件（可能已损坏）：请在 Excel 中重新保存后上传`);
  }
  return workbook;
}

/**
 * The sheet named like the kind (培训班, or classes), else the first that has content (an empty first sheet left
 * in front of the data is skipped), else the first.
 */
export function pickSheet(workbook: ExcelJS.Workbook, kind: ImportKind): ExcelJS.Worksheet {
  const names = [IMPORT_KIND_LABELS[kind], kind];
  const sheet =
    workbook.worksheets.find((s) => names.includes(s.name.trim())) ?? workbook.worksheets.find(hasContent) ?? workbook.worksheets[0];
  if (!sheet) throw new ImportFileError('工作簿中没有工作表');
  return sheet;
}

/** A sheet with a cell that is not blank (a row of spaces or of formatting only is not content). */
function hasContent(sheet: ExcelJS.Worksheet): boolean {
  let found = false;
  sheet.eachRow({ includeEmpty: false }, (row) => {
    if (!found) row.eachCell({ includeEmpty: false }, (cell) => {
      if (!found && cell.value !== null && !(typeof cell.value === 'string' && cell.value.trim() === '')) found = true;
    });
  });
  return found;
}

function sheetRows(sheet: ExcelJS.Worksheet): SheetRow[] {
  if (sheet.actualRowCount > MAX_IMPORT_ROWS + 1) throw tooMany();
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: RawCell[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellValue(row.getCell(column).value));
    rows.push({ row: row.number, cells });
  });
  return rows;
}

/** A cell as its sheet shows it: rich text joined, a formula's last result, a link's text, an error's code. */
export function cellValue(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellValue((value.result ?? null) as ExcelJS.CellValue);
  if ('error' in value) return value.error;
  if ('text' in value) return typeof value.text === 'string' ? value.text : cellValue(value.text as ExcelJS.CellValue);
  return null;
}

const isBlankRow = (row: SheetRow) => row.cells.every((cell) => cell === null || (typeof cell === 'string' && cell.trim() === ''));

function limitRows(rows: SheetRow[]): SheetRow[] {
  let end = rows.length;
  while (end > 0 && isBlankRow(rows[end - 1]!)) end--;
  if (end > MAX_IMPORT_ROWS + 1) throw tooMany();
  return rows.slice(0, end);
}

const tooMany = () => new ImportFileError(`文件超过 ${MAX_IMPORT_ROWS.toLocaleString('en-US')} 行：请按年度或地区分成几个文件导入`);

/**
 * CSV text: a BOM says UTF-8 or UTF-16 (Excel's 「Unicode 文本」); without one, strict UTF-8, and when that fails
 * GB18030 — what Excel on a Chinese Windows saves as 「CSV（逗号分隔）」, a superset of GBK and GB2312. Node's
 * TextDecoder (ICU) decodes GB18030 itself, so reading needs no dependency.
 */
export function decodeText(bytes: Uint8Array, fileName: string): { text: string; encoding: NonNullable<ReadFile['encoding']> } {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  if (startsWith(bytes, [0xff, 0xfe])) return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  if (bytes.includes(0)) throw notText(fileName);
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    try {
      return { text: new TextDecoder('gb18030', { fatal: true }).decode(bytes), encoding: 'gb18030' };
    } catch {
      throw notText(fileName);
    }
  }
}

const notText = (fileName: string) =>
  new ImportFileError(`无法识别「${fileName}」：请上传 Excel（.xlsx）文件，或 UTF-8、GBK 编码的 CSV 文件`);
