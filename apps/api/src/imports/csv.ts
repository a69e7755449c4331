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
  const firstLine = text.slice(0, text.search(/\r|\n/) >>> 0);
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
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

/** Without a quote anywhere, every line is a record and every separator ends a field: plain splitting, the same rows. */
function splitLines(text: string, separator: ',' | '\t'): SheetRow[] {
  const lines = text.split(/\r\n|\n|\r/);
  if (lines[lines.length - 1] === '') lines.pop(); // the line break ending the last record
  return lines.map((line, i) => new UnquotedRecord(i + 1, line, separator));
}

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
