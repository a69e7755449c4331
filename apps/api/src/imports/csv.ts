import type { SheetRow } from '@dispatch/core';

/**
 * CSV as Excel writes and reads it (RFC 4180): fields in double quotes may hold commas, line breaks and doubled
 * quotes; lines end in CRLF, LF or CR. A record's number is the row Excel shows it on. A tab-separated file
 * (Excel's 「Unicode 文本」) is told apart by its first line. ="00123" (Excel's way of keeping text) reads as 00123.
 */
export function parseCsv(text: string): SheetRow[] {
  const firstLine = text.slice(0, text.search(/\r|\n/) >>> 0);
  const separator = firstLine.includes('\t') && !firstLine.includes(',') ? '\t' : ',';
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    cells.push(/^="(.*)"$/s.exec(field)?.[1] ?? field);
    field = '';
  };
  const endRecord = () => {
    endField();
    rows.push({ row: rows.length + 1, cells });
    cells = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === separator) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else field += ch;
  }
  if (field !== '' || cells.length > 0) endRecord();
  return rows;
}
