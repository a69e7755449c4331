/*
 * The import of a month's data: reading and checking a file (read-import.ts, also run in the import worker, which
 * loads no more than that), the problem report and the templates.
 */
export { ImportFileError, MAX_IMPORT_ROWS } from './read-file.ts';
export { PREVIEW_ROWS, readImport, type ReadImport } from './read-import.ts';
export { renderImportReport, reportFileName } from './report-xlsx.ts';
export { renderImportTemplate, templateFileName } from './template-xlsx.ts';
