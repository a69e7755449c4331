import type { ImportKind, ImportProblem, ImportRowsByKind } from '../contract/imports.ts';
import {
  isBlank, readCommonCell, readCount, readDate, readMoney, readRegionCode, readStatus, readText, readTrainingType, readYear, type RawCell, type Read,
} from './cell-values.ts';
import { EXAMPLE_MARK, EXAMPLE_ROW_TEXT, IMPORT_COLUMNS, type ColumnType, type ImportColumn } from './columns.ts';
import { countKnownHeaders, mapHeaders, type HeaderMapping, type MappedHeader } from './headers.ts';
import { ProblemList } from './problems.ts';
import { checkAuditRow, checkClassRow, checkRegion, readable, ROW_KEYS, type ImportContext, type RowCheck } from './row-rules.ts';

/** A row of a sheet as read: its row number in the sheet (1-based) and its cells from column A. */
export interface SheetRow {
  row: number;
  /** may be made each time it is read (a CSV record splits its line then): a reader going through a file reads it once a row */
  readonly cells: readonly RawCell[];
}

export interface ImportValidation<K extends ImportKind = ImportKind> {
  ok: boolean;
  /** the sheet row holding the headers (null for a file with no content) */
  headerRow: number | null;
  headers: MappedHeader[];
  /** data rows below the headers, blank rows not counted */
  dataRows: number;
  /** the typed rows, in the file's order; all of them only when ok; none when a sink took them */
  rows: ImportRowsByKind[K][];
  /** the sheet row of each typed row */
  rowNumbers: number[];
  problems: ImportProblem[];
}

/**
 * Takes the typed rows while the file is still being checked, in chunks of `every`, as long as no problem has been
 * found: the write path stages them while the rest is read (a problem found later refuses the file all the same).
 */
export interface ValidationSink<K extends ImportKind = ImportKind> {
  every: number;
  /** the first chunk's rows, if fewer: the write can start sooner */
  first?: number;
  /**
   * the typed rows from index `first` (of the typed rows: rowNumbers), in the file's order; the last chunk once the file
   * is ok. The sink keeps them: the answer does not (a five-year file's rows, kept to the end, would be copied by the
   * garbage collector again and again).
   */
  take(rows: ImportRowsByKind[K][], first: number): void;
  /** told once, at the first problem of a row: the file will be refused, whatever the rest holds */
  refused?(): void;
}

/** Title lines above the headers are tolerated: the headers are the first of these rows naming a known column. */
const HEADER_SEARCH_ROWS = 10;

const cellText = (cell: RawCell | undefined) => (cell === null || cell === undefined ? '' : String(cell instanceof Date ? '' : cell));
function blankCells(cells: readonly RawCell[]): boolean {
  for (const cell of cells) if (!isBlank(cell)) return false;
  return true;
}
const blankRow = (row: SheetRow) => blankCells(row.cells);

/**
 * Whether a row is one of the template's example rows: any of its cells — the template's 序号, or whatever column a
 * person moved it to — is text beginning with 示例 (EXAMPLE_MARK). Such a row is refused, never imported.
 */
export function isExampleRow(row: SheetRow): boolean {
  return isExample(row.cells);
}

function isExample(cells: readonly RawCell[]): boolean {
  for (const cell of cells) if (typeof cell === 'string' && mayBeExample(cell) && cell.trimStart().startsWith(EXAMPLE_MARK)) return true;
  return false;
}

/** Most cells begin with a printable ASCII character (a code, a date, a number): not an example mark, no trimming needed. */
function mayBeExample(cell: string): boolean {
  const first = cell.charCodeAt(0);
  return !(first > 0x20 && first < 0x7f);
}

/**
 * Where a sheet's headers are and what each names: the first of its first rows (title lines above are tolerated)
 * that names a known column of the kind, else its first row. Null for a sheet with no content.
 */
export function locateHeaders<K extends ImportKind>(kind: K, sheet: Iterable<SheetRow>): (HeaderMapping<K> & { headerRow: number }) | null {
  const rows: SheetRow[] = []; // the first non-blank rows, without going through the whole sheet
  for (const row of sheet) {
    if (rows.length === HEADER_SEARCH_ROWS) break;
    if (!blankRow(row)) rows.push(row);
  }
  const found = rows.find((row) => countKnownHeaders(kind, row.cells.map(cellText)) > 0) ?? rows[0];
  return found ? { ...mapHeaders(kind, found.cells.map(cellText)), headerRow: found.row } : null;
}

function readCell(type: ColumnType, cell: RawCell, context: ImportContext): Read<string | number> {
  switch (type) {
    case 'text': return readText(cell);
    case 'region': return readRegionCode(cell);
    case 'date': return readDate(cell);
    case 'count': return readCount(cell);
    case 'money': return readMoney(cell);
    case 'year': return readYear(cell);
    case 'status': return readStatus(cell);
    case 'trainingType': return readTrainingType(cell, context.trainingTypes);
  }
}

/** What a blank optional cell means: no date, no exception, nobody. */
const BLANK: Record<ColumnType, string | number | null> = {
  text: null, date: null, count: 0, money: 0, region: null, year: null, status: null, trainingType: null,
};

/**
 * Every row of a sheet checked before anything is written: headers mapped by name, a template's example row refused
 * as such, each cell read by its column's type, each row by its kind's rules, then the file as a whole (duplicate keys). The answer carries the
 * typed rows the write path takes and the problems, in Chinese, by sheet row and header.
 */
export function validateImport<K extends ImportKind>(kind: K, sheet: Iterable<SheetRow>, context: ImportContext, sink?: ValidationSink<K>): ImportValidation<K> {
  const answer: ImportValidation<K> = { ok: false, headerRow: null, headers: [], dataRows: 0, rows: [], rowNumbers: [], problems: [] };
  const mapping = locateHeaders(kind, sheet);
  if (!mapping) return { ...answer, problems: [{ row: null, column: null, message: '文件中没有内容' }] };
  const base = (dataRows: number) => ({ ...answer, headerRow: mapping.headerRow, headers: mapping.headers, dataRows });
  if (mapping.problems.length) {
    let dataRows = 0;
    for (const row of sheet) if (row.row > mapping.headerRow && !blankRow(row)) dataRows++;
    return { ...base(dataRows), problems: mapping.problems };
  }

  const problems = new ProblemList(context.maxProblems);
  const columns = IMPORT_COLUMNS[kind] as readonly ImportColumn[];
  const header = (field: string) => mapping.found.get(field as never)?.header ?? columns.find((c) => c.field === field)?.header ?? field;
  const seen = new FirstRows();
  const positions = columns.map((column) => mapping.found.get(column.field as never)?.index);
  let typed: ImportRowsByKind[K][] = []; // with a sink, those not taken yet
  const rowNumbers: number[] = [];
  // every row's object copied from one with all the fields, so that all have one shape (faster to fill and to read)
  const shape: Record<string, string | number | null> = Object.fromEntries(columns.map((column) => [column.field, null]));
  let dataRows = 0;
  let taken = 0; // typed rows the sink has
  let told = false; // the sink knows the file will be refused
  // One pass, each row's cells asked for once: a CSV row without quotes splits its line when asked (csv.ts), so that
  // only the cells of the row at hand are held, not every cell of the file at once.
  for (const sheetRow of sheet) {
    if (sheetRow.row <= mapping.headerRow) continue;
    if (!told && problems.count > 0) {
      told = true; // the row before had the file's first problem (an example row's too)
      sink?.refused?.();
    }
    const cells = sheetRow.cells;
    if (blankCells(cells)) continue;
    dataRows++;
    if (isExample(cells)) {
      problems.row(sheetRow.row, EXAMPLE_ROW_TEXT); // its cells are the template's: nothing else to say of them
      continue;
    }
    const before = problems.count;
    const values = { ...shape };
    let unread: Set<string> | undefined; // fields whose cell is blank but required, or did not read (made on the first)
    for (let i = 0; i < columns.length; i++) {
      const column = columns[i]!;
      const at = positions[i];
      const cell = at === undefined ? null : (cells[at] ?? null);
      if (isBlank(cell)) {
        if (column.required) {
          problems.cell(sheetRow.row, header(column.field), '为空，此列必填');
          (unread ??= new Set()).add(column.field);
        }
        values[column.field] = BLANK[column.type];
        continue;
      }
      const common = readCommonCell(column.type, cell); // most cells: no Read allocated
      if (common !== undefined) {
        values[column.field] = common;
        continue;
      }
      const read = readCell(column.type, cell, context);
      if (read.ok) values[column.field] = read.value;
      else {
        problems.cell(sheetRow.row, header(column.field), read.reason);
        (unread ??= new Set()).add(column.field);
      }
    }
    // Every rule whose cells all read is checked, also when another cell of the row did not read: a report lists
    // all that is wrong in a row at once (an unknown region beside a bad date); a rule over a cell that did not
    // read is skipped — it would only echo that cell's problem.
    const check: RowCheck = { row: sheetRow.row, header, problems, context, unread };
    checkDuplicate(kind, check, values, seen); // skipped when its key did not read
    checkRow(kind, check, values);
    if (problems.count === before) {
      rowNumbers.push(sheetRow.row);
      if (sink && problems.count > 0) continue; // the file is refused: its rows go nowhere
      typed.push(values as unknown as ImportRowsByKind[K]);
      if (sink && typed.length === (taken === 0 ? (sink.first ?? sink.every) : sink.every)) {
        sink.take(typed, taken);
        taken += typed.length;
        typed = [];
      }
    }
  }
  if (dataRows === 0) return { ...base(0), problems: [{ row: null, column: null, message: '表头下没有数据行' }] };
  const list = problems.list();
  if (sink && list.length === 0 && typed.length > 0) sink.take(typed, taken);
  return { ...base(dataRows), ok: list.length === 0, rows: sink ? [] : typed, rowNumbers, problems: list };
}

function checkRow(kind: ImportKind, check: RowCheck, values: Record<string, unknown>) {
  if (kind === 'audits') return checkAuditRow(check, values as never);
  if (readable(check, 'regionCode')) checkRegion(check, kind, values.regionCode as string);
  if (kind === 'classes') checkClassRow(check, values as never);
}

/**
 * The row where each key was first seen. A Set answers the common case (a new key) in one step, where a Map would
 * need a look-up and then a write for every row of the file; a repeated key's first row is looked up only then.
 */
class FirstRows {
  private readonly seen = new Set<string>();
  private readonly rows: number[] = []; // the row of each key in `seen`, in the order a Set keeps: the order added
  private byKey: Map<string, number> | undefined; // made at the first repeated key, then used alone

  /** The row that had the key first, or undefined when it is new (this row is then its first). */
  firstOf(key: string, row: number): number | undefined {
    if (this.byKey) {
      const first = this.byKey.get(key);
      if (first === undefined) this.byKey.set(key, row);
      return first;
    }
    const size = this.seen.size;
    this.seen.add(key);
    if (this.seen.size > size) {
      this.rows.push(row);
      return undefined;
    }
    this.byKey = new Map();
    let i = 0;
    for (const seenKey of this.seen) this.byKey.set(seenKey, this.rows[i++]!);
    return this.byKey.get(key);
  }
}

/** The second of two rows with the same key names the first: 第15行与第3行重复. */
function checkDuplicate(kind: ImportKind, check: RowCheck, values: Record<string, unknown>, seen: FirstRows) {
  const fields = ROW_KEYS[kind];
  let key = '';
  for (let i = 0; i < fields.length; i++) {
    const value = values[fields[i]!];
    if (value === undefined || value === null) return; // its key did not read
    key = i === 0 ? String(value) : `${key}\u0000${String(value)}`;
  }
  const first = seen.firstOf(key, check.row);
  if (first === undefined) return;
  const what = fields.map((field) => `「${check.header(field)}」${String(values[field])}`).join('、');
  if (fields.length === 1) check.problems.cell(check.row, check.header(fields[0]!), `${String(values[fields[0]!])} 与第${first}行重复`);
  else check.problems.row(check.row, `与第${first}行重复：${what} 只能有一行`);
}
