import type { ImportContext, ImportKind, ImportReport, ImportRowsByKind, MappedHeader, RawCell, SheetRow, ValidationSink } from '@dispatch/core';
import { validateImport } from '@dispatch/core/imports'; // not the whole of core: this module runs in the import worker too
import { ImportFileError, readImportFile, type ReadFile } from './read-file.ts';

export interface ReadImport<K extends ImportKind> {
  /** the dry run's answer, before the write path counts what would change */
  report: Omit<ImportReport, 'changes'>;
  /** the typed rows for writeDataBatch; all of them only when report.ok; none when a sink took them */
  rows: ImportRowsByKind[K][];
  /** the sheet row of each typed row */
  rowNumbers: number[];
  format: ReadFile['format'] | null;
}

/**
 * An uploaded file read and every row checked, nothing written: what `POST /api/imports` calls first (for classes, in
 * a worker thread: classesInWorker). A file that cannot be read at all (not xlsx or CSV, too many rows) answers a
 * report with that one problem. `sink`, asked for once the file is read and before its rows are checked, takes the
 * typed rows while the rest is checked (validateImport).
 */
export async function readImport<K extends ImportKind>(
  kind: K, fileName: string, bytes: Uint8Array, context: ImportContext, sink?: () => Promise<ValidationSink<K>>,
): Promise<ReadImport<K>> {
  let file: ReadFile;
  try {
    file = await readImportFile(kind, fileName, bytes);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const problem = { row: null, column: null, message: error.message };
    return { report: { ok: false, kind, rows: 0, errors: [problem], headers: [] }, rows: [], rowNumbers: [], format: null };
  }
  let result: ReturnType<typeof validateImport<K>>;
  try {
    result = validateImport(kind, file.rows, context, await sink?.());
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    // a CSV read as it is checked found too many rows only there (CsvPieces)
    return { report: { ok: false, kind, rows: 0, errors: [{ row: null, column: null, message: error.message }], headers: [] }, rows: [], rowNumbers: [], format: file.format };
  }
  return {
    report: {
      ok: result.ok,
      kind,
      rows: result.dataRows,
      errors: result.problems,
      headers: result.headers.map(({ header, field }) => ({ header, field })),
      preview: result.headerRow === null ? [] : previewRows(file.rows, result.headerRow, result.headers),
    },
    rows: result.rows,
    rowNumbers: result.rowNumbers,
    format: file.format,
  };
}

/** How many data rows the preview shows. */
export const PREVIEW_ROWS = 10;

/** The first data rows as read, each cell by the field its header fills (ignored columns left out), as text. */
function previewRows(rows: Iterable<SheetRow>, headerRow: number, headers: readonly MappedHeader[]) {
  const first: SheetRow[] = []; // the header is near the top: not a pass over the whole file
  for (const row of rows) {
    if (first.length === PREVIEW_ROWS) break;
    if (row.row > headerRow) first.push(row);
  }
  return first.map(({ row, cells }) => ({
    row,
    cells: Object.fromEntries(headers.flatMap(({ index, field }) => (field === null ? [] : [[field, cellText(cells[index] ?? null)]]))),
  }));
}

function cellText(cell: RawCell): string {
  if (cell === null) return '';
  if (cell instanceof Date) return cell.toISOString().slice(0, 10);
  return String(cell);
}
