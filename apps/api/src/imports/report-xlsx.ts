import { IMPORT_KIND_LABELS, locateHeaders, type ImportKind, type ImportProblem } from '@dispatch/core';
import type ExcelJS from 'exceljs';
import { newWorkbook } from '../renderers/workbook.ts';
import { loadWorkbook, pickSheet, readImportFile } from './read-file.ts';

export const PROBLEM_SHEET = '问题清单';
/** Excel's own 「浅红填充」 for bad cells. */
const BAD_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };

/** The report's name: 培训班2020年5月.xlsx → 培训班2020年5月（问题标注）.xlsx */
export const reportFileName = (fileName: string) => `${fileName.replace(/\.(xlsx|csv|txt)$/i, '')}（问题标注）.xlsx`;

/**
 * The uploaded file handed back with its problems on it: the same workbook (a CSV becomes one, its rows where they
 * were), each bad cell filled red with the message as its comment — a row's problem on the row's first cell, a
 * header's on the header — and a 问题清单 sheet listing every problem (「无」 for a clean file).
 */
export async function renderImportReport(kind: ImportKind, fileName: string, bytes: Uint8Array, problems: readonly ImportProblem[]): Promise<Buffer> {
  const read = await readImportFile(kind, fileName, bytes);
  const { workbook, sheet } = read.format === 'xlsx' ? await reopen(kind, fileName, bytes) : csvWorkbook(kind, read.rows);
  const located = locateHeaders(kind, read.rows);
  const columnOf = new Map(located?.headers.map((h) => [h.header, h.index + 1]));
  const notes = new Map<ExcelJS.Cell, string[]>();
  for (const problem of problems) {
    const column = problem.column === null ? undefined : columnOf.get(problem.column);
    const row = problem.row ?? (column !== undefined ? located?.headerRow : undefined);
    if (row === undefined) continue; // a file's problem with no cell of its own (a missing column): listed only
    const cell = sheet.getCell(row, column ?? 1);
    notes.set(cell, [...(notes.get(cell) ?? []), problem.message]);
  }
  for (const [cell, messages] of notes) {
    cell.fill = BAD_FILL;
    cell.note = messages.join('\n');
  }
  listProblems(workbook, problems);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

async function reopen(kind: ImportKind, fileName: string, bytes: Uint8Array) {
  const workbook = await loadWorkbook(bytes, fileName);
  return { workbook, sheet: pickSheet(workbook, kind) };
}

/** A CSV's rows in a new workbook, as text, each on the row number the problems cite. */
function csvWorkbook(kind: ImportKind, rows: Iterable<{ row: number; cells: readonly unknown[] }>) {
  const workbook = newWorkbook();
  const sheet = workbook.addWorksheet(IMPORT_KIND_LABELS[kind]);
  for (const { row, cells } of rows) {
    cells.forEach((cell, i) => {
      if (cell !== null && cell !== '') sheet.getCell(row, i + 1).value = String(cell);
    });
  }
  return { workbook, sheet };
}

function listProblems(workbook: ExcelJS.Workbook, problems: readonly ImportProblem[]) {
  const previous = workbook.getWorksheet(PROBLEM_SHEET);
  if (previous) workbook.removeWorksheet(previous.id); // a report uploaded again gets a fresh list
  const list = workbook.addWorksheet(PROBLEM_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  list.columns = [{ header: '行号', width: 8 }, { header: '列', width: 20 }, { header: '问题', width: 90 }];
  list.getRow(1).font = { bold: true };
  for (const problem of problems) list.addRow([problem.row, problem.column, problem.message]);
  if (problems.length === 0) list.addRow([null, null, '无']);
}
