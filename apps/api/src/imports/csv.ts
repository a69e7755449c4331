import type { SheetRow } from '@dispatch/core';

/** A field — quoted (commas, line breaks and doubled quotes inside) or bare — and what ends it. */
const FIELD = {
  ',': /(?:"((?:[^"]|"")*)"|([^,\r\n"]*))(,|\r\n|\n|\r|$)/y,
  '\t': /(?:"((?:[^"]|"")*)"|([^\t\r\n"]*))(\t|\r\n|\n|\r|$)/y,
};
/** Excel's ="00123", its way of keeping text as text. */
const EXCEL_TEXT = /^="(.*)"$/s;

/**
 * CSV as Excel writes and reads it (RFC 4180): fields in double quotes may hold commas, line breaks and doubled
 * quotes; lines end in CRLF, LF or CR. A record's number is the row Excel shows it on. A tab-separated file
 * (Excel's 「Unicode 文本」) is told apart by its first line. ="00123" reads as 00123. A stray quote inside a bare
 * field is kept as written.
 */
export function parseCsv(text: string): SheetRow[] {
  const separator = separatorOf(text);
  if (!text.includes('"')) return splitLines(text, separator);
  const field = FIELD[separator];
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let at = 0;
  while (at < text.length) {
    field.lastIndex = at;
    const match = field.exec(text);
    let value: string;
    let end: string;
    if (match && match[0].length > 0) {
      value = match[1] !== undefined ? match[1].replaceAll('""', '"') : match[2]!;
      end = match[3]!;
      at = field.lastIndex;
    } else {
      // a quote where a bare field cannot hold one: take the rest of the field as it stands
      const stop = text.slice(at).search(field === FIELD[','] ? /,|\r|\n/ : /\t|\r|\n/);
      const next = stop < 0 ? text.length : at + stop;
      value = text.slice(at, next);
      end = text.startsWith('\r\n', next) ? '\r\n' : text.charAt(next);
      at = next + end.length;
    }
    cells.push(EXCEL_TEXT.exec(value)?.[1] ?? value);
    if (end !== ',' && end !== '\t') {
      rows.push({ row: rows.length + 1, cells });
      cells = [];
    }
  }
  if (cells.length > 0 || text.endsWith(',') || text.endsWith('\t')) {
    if (text.endsWith(',') || text.endsWith('\t')) cells.push('');
    rows.push({ row: rows.length + 1, cells });
  }
  return rows;
}

/** Tab-separated (Excel's 「Unicode 文本」) when the text's first line has a tab and no comma. */
function separatorOf(text: string): ',' | '\t' {
  const firstLine = text.slice(0, text.search(/\r|\n/) >>> 0);
  return firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
}

/** A text's lines (ended by CRLF, LF or CR), without the empty one its last line break leaves. */
function linesOf(text: string): string[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

/** Without a quote anywhere, every line is a record and every separator ends a field: plain splitting, the same rows. */
function splitLines(text: string, separator: ',' | '\t'): SheetRow[] {
  return linesOf(text).map((line, i) => new UnquotedRecord(i + 1, line, separator));
}

/** How much of a file CsvPieces decodes at a time: a few thousand rows. */
const PIECE_BYTES = 256 * 1024;

/**
 * The rows of a UTF-8 CSV without a quote anywhere (its bytes checked to be UTF-8 first), decoded and split a piece
 * of lines at a time as they are asked for: the rows parseCsv gives of the whole text, trailing blank rows dropped
 * (the same rows, the same numbers), but the first rows can be checked while the rest of the file is still bytes, and
 * none is kept — each reading decodes the file again from its bytes (finding the headers and the preview read only
 * the first piece), so that a five-year file's rows die young instead of living, all of them, to the end of its check.
 * A piece ends after a line feed, so that neither a character nor a CRLF is cut in two. `tooMany` is thrown at a row
 * with content past `limit`.
 */
export class CsvPieces implements Iterable<SheetRow> {
  constructor(private readonly bytes: Buffer, private readonly start: number, private readonly limit: number, private readonly tooMany: () => Error) {}

  *[Symbol.iterator](): Iterator<SheetRow> {
    const { bytes, limit } = this;
    let separator: ',' | '\t' | undefined;
    let number = 0;
    let blanks: SheetRow[] = []; // blank rows not yet followed by one with content: dropped if they end the file
    for (let at = this.start; at < bytes.length;) {
      const feed = bytes.indexOf(0x0a, Math.min(at + PIECE_BYTES, bytes.length) - 1);
      const end = feed < 0 ? bytes.length : feed + 1;
      const text = bytes.toString('utf8', at, end);
      at = end;
      separator ??= separatorOf(text);
      const blank = separator === ',' ? BLANK_COMMA_LINE : BLANK_TAB_LINE;
      for (const line of linesOf(text)) {
        const row = new UnquotedRecord(++number, line, separator);
        if (blank.test(line)) {
          blanks.push(row);
          continue;
        }
        if (number > limit) throw this.tooMany();
        if (blanks.length) {
          yield* blanks;
          blanks = [];
        }
        yield row;
      }
    }
  }
}

/** A line of separators and white space only: a blank row (its cells all trim to nothing). */
const BLANK_COMMA_LINE = /^[\s,]*$/;
const BLANK_TAB_LINE = /^\s*$/;

/**
 * A record of a file without quotes, its cells split from its line each time they are asked for, not kept: a reader
 * that asks once per row (validateImport) holds the cells of one row at a time, not the million cells of a five-year
 * file, which the garbage collector would otherwise copy again and again while they live.
 */
class UnquotedRecord implements SheetRow {
  readonly #line: string;
  readonly #separator: string;

  constructor(readonly row: number, line: string, separator: string) {
    this.#line = line;
    this.#separator = separator;
  }

  get cells(): string[] {
    return this.#line.split(this.#separator);
  }
}
