import { validateImport, type ImportContext, type ImportKind, type ImportReport, type ImportRowsByKind } from '@dispatch/core';
import { ImportFileError, readImportFile, type ReadFile } from './read-file.ts';

export { ImportFileError, MAX_IMPORT_ROWS } from './read-file.ts';
export { renderImportReport, reportFileName } from './report-xlsx.ts';
export { renderImportTemplate, templateFileName } from './template-xlsx.ts';

export interface ReadImport<K extends ImportKind> {
  /** the dry run's answer, before the write path counts what would change */
  report: Omit<ImportReport, 'changes'>;
  /** the typed rows for writeDataBatch; all of them only when report.ok */
  rows: ImportRowsByKind[K][];
  /** the sheet row of each typed row */
  rowNumbers: number[];
  format: ReadFile['format'] | null;
}

/**
 * An uploaded file read and every row checked, nothing written: what `POST /api/imports` calls first. A file that
 * cannot be read at all (not xlsx or CSV, too many rows) answers a report with that one problem.
 */
export async function readImport<K extends ImportKind>(kind: K, fileName: string, bytes: Uint8Array, context: ImportContext): Promise<ReadImport<K>> {
  let file: ReadFile;
  try {
    file = await readImportFile(kind, fileName, bytes);
  } catch (error) {
    if (!(error instanceof ImportFileError)) throw error;
    const problem = { row: null, column: null, message: error.message };
    return { report: { ok: false, kind, rows: 0, errors: [problem], headers: [] }, rows: [], rowNumbers: [], format: null };
  }
  const result = validateImport(kind, file.rows, context);
  return {
    report: {
      ok: result.ok,
      kind,
      rows: result.dataRows,
      errors: result.problems,
      headers: result.headers.map(({ header, field }) => ({ header, field })),
    },
    rows: result.rows,
    rowNumbers: result.rowNumbers,
    format: file.format,
  };
}
