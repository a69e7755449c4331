import ExcelJS from 'exceljs';
import { RANKING_COLUMNS, type ColumnFormat, type MetricRow } from '@dispatch/core';

/** Excel number formats matching what the screen shows for each column. */
const NUMBER_FORMAT: Partial<Record<ColumnFormat, string>> = {
  wan: '#,##0.00',
  count: '#,##0',
  percent: '0.0%',
  points: '+0.0;-0.0;0.0',
  yuan: '#,##0',
  change: '+0;-0;0',
};

/** The cell value for a column: 万 values divided, points as ×100, missing values empty. */
function cellValue(format: ColumnFormat, value: number | string | null): number | string | null {
  if (value === null || typeof value === 'string') return value;
  if (format === 'wan') return value / 10_000;
  if (format === 'points') return Math.round(value * 1000) / 10;
  return value;
}

export interface RankingSheet {
  title: string;
  note: string;
  rows: readonly MetricRow[];
}

/** The visible ranking as an .xlsx workbook: a title row, the screen's columns with Chinese headers, the rows. */
export async function renderRankingXlsx({ title, note, rows }: RankingSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '技能提升行动月调度平台';
  const sheet = workbook.addWorksheet('排名', { views: [{ state: 'frozen', ySplit: 2 }] });
  sheet.mergeCells(1, 1, 1, RANKING_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  RANKING_COLUMNS.forEach((column, i) => {
    header.getCell(i + 1).value = column.unit ? `${column.header}（${column.unit}）` : column.header;
    sheet.getColumn(i + 1).width = column.format === 'name' ? 22 : 14;
    const format = NUMBER_FORMAT[column.format];
    if (format) sheet.getColumn(i + 1).numFmt = format;
  });
  header.font = { bold: true };
  for (const row of rows) {
    sheet.addRow(RANKING_COLUMNS.map((column) => cellValue(column.format, column.value(row))));
  }
  sheet.addRow([]);
  sheet.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
