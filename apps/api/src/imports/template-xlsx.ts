import {
  EXAMPLE_COLUMN, EXAMPLE_MARK, IMPORT_COLUMNS, IMPORT_EXAMPLES, IMPORT_KIND_LABELS, columnExample, type ImportColumn, type ImportKind,
} from '@dispatch/core';
import type ExcelJS from 'exceljs';
import { newWorkbook, textWidth } from '../renderers/workbook.ts';

/** The name a template downloads under: 培训班导入模板.xlsx */
export const templateFileName = (kind: ImportKind) => `${IMPORT_KIND_LABELS[kind]}导入模板.xlsx`;

/** How a column's cells are laid out: codes as text (a 17-digit class number would lose digits as a number). */
const CELL_FORMATS: Partial<Record<ImportColumn['type'], string>> = { text: '@', region: '@', date: 'yyyy-mm-dd', money: '#,##0', count: '0', year: '0' };

/** An example value as the cell holds it: dates as Excel dates, so that the sheet shows them as a user types them. */
function exampleCell(column: ImportColumn, value: string | number | undefined): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (column.type === 'date') return new Date(`${value}T00:00:00Z`);
  return value;
}

/**
 * A kind's import template: a sheet named like the kind with its Chinese headers (bold, frozen, widths set) and
 * example rows, each marked 示例N in a first column 序号 — refused on import as examples, they pass once the mark is
 * removed — and a 填表说明 sheet with each column's rule.
 */
export async function renderImportTemplate(kind: ImportKind): Promise<Buffer> {
  const workbook = newWorkbook();
  const columns = IMPORT_COLUMNS[kind] as readonly ImportColumn[];
  const examples = IMPORT_EXAMPLES[kind] as readonly Record<string, string | number | undefined>[];
  const sheet = workbook.addWorksheet(IMPORT_KIND_LABELS[kind], { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = [
    { header: EXAMPLE_COLUMN, width: textWidth(`${EXAMPLE_MARK}${examples.length}`) + 4, style: { numFmt: '@' } },
    ...columns.map((column) => ({
      header: column.header,
      width: Math.max(textWidth(column.header), ...examples.map((e) => textWidth(String(e[column.field] ?? '')))) + 4,
      style: CELL_FORMATS[column.type] ? { numFmt: CELL_FORMATS[column.type] } : {},
    })),
  ];
  const header = sheet.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', horizontal: 'center' };
  columns.forEach((column, i) => {
    if (column.required) header.getCell(i + 2).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
  });
  examples.forEach((example, i) => {
    sheet.addRow([`${EXAMPLE_MARK}${i + 1}`, ...columns.map((column) => exampleCell(column, example[column.field]))]).font = { color: { argb: 'FF7F7F7F' } };
  });
  addNotes(workbook, kind, columns);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addNotes(workbook: ExcelJS.Workbook, kind: ImportKind, columns: readonly ImportColumn[]) {
  const notes = workbook.addWorksheet('填表说明');
  notes.columns = [{ width: 20 }, { width: 10 }, { width: 70 }, { width: 24 }, { width: 40 }];
  notes.addRow([`${IMPORT_KIND_LABELS[kind]}导入模板填表说明`]).font = { bold: true, size: 14 };
  notes.addRow(['表头须在数据之上（第一行最好），列的顺序不限；标色的列必填，其余可留空或不要这一列（「序号」列只用来标出示例行，可留空或删去）。']);
  notes.addRow([`模板中「${EXAMPLE_COLUMN}」为「${EXAMPLE_MARK}1」「${EXAMPLE_MARK}2」…的灰色行是示例行：任何一格以「${EXAMPLE_MARK}」开头的行都会被拒绝导入（第N行是模板的示例行），请删除后再导入；照示例填写的实际数据，请勿在任何一格以「${EXAMPLE_MARK}」开头。`]);
  notes.addRow(['可上传 .xlsx，或 Excel 另存的 CSV（UTF-8 或 GBK 编码均可）。导入前逐行检查，有任何问题整个文件都不写入，并可下载标出问题单元格的工作簿。']);
  for (const row of [2, 3, 4]) {
    notes.mergeCells(row, 1, row, 5);
    notes.getCell(row, 1).alignment = { wrapText: true, vertical: 'top' };
    notes.getRow(row).height = 32;
  }
  notes.addRow([]);
  const header = notes.addRow(['列名', '是否必填', '填写规则', '示例', '也可写作']);
  header.font = { bold: true };
  for (const column of columns) {
    notes.addRow([column.header, column.required ? '必填' : '可选', column.rule, columnExample(kind, column.field as never), column.synonyms.filter((name) => name !== column.header).join('、')]);
  }
  notes.getColumn(3).alignment = { wrapText: true, vertical: 'top' };
  notes.getColumn(5).alignment = { wrapText: true, vertical: 'top' };
}
