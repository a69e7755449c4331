import ExcelJS from 'exceljs';
import { columnHeader, columnNumFmt, displayCell, RANKING_COLUMNS, type MetricRow } from '@dispatch/core';

/** A text's width in spreadsheet characters: a Chinese character is two. */
const textWidth = (text: string) => [...text].reduce((width, ch) => width + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);

export interface RankingSheet {
  title: string;
  note: string;
  rows: readonly MetricRow[];
}

/**
 * The visible ranking as an .xlsx workbook: a title row, the screen's columns with Chinese headers, the rows.
 * Each cell holds the number the screen shows (core's display model rounds it, once), formatted as the screen
 * writes it; nothing is rounded here.
 */
export async function renderRankingXlsx({ title, note, rows }: RankingSheet): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '技能提升行动月调度平台';
  const sheet = workbook.addWorksheet('排名', {
    views: [{ state: 'frozen', ySplit: 2 }],
    // Printed: A4 landscape, every column on one page's width, the title and headers on every page.
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  sheet.mergeCells(1, 1, 1, RANKING_COLUMNS.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  RANKING_COLUMNS.forEach((column, i) => {
    header.getCell(i + 1).value = columnHeader(column);
    // Wide enough for the header on at most two lines (it wraps), and for the longest region name.
    sheet.getColumn(i + 1).width = column.format === 'name' ? 22 : Math.max(12, Math.ceil(textWidth(columnHeader(column)) / 2) + 3);
    const numFmt = columnNumFmt(column);
    if (numFmt) sheet.getColumn(i + 1).numFmt = numFmt;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 34; // two lines of the wrapped headers
  for (const row of rows) sheet.addRow(RANKING_COLUMNS.map((column) => displayCell(column, row).cell));
  sheet.addRow([]);
  sheet.addRow([note]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
