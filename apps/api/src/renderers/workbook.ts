import ExcelJS from 'exceljs';

/** A text's width in spreadsheet characters: a Chinese character is two. */
export const textWidth = (text: string) => [...text].reduce((width, ch) => width + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);

export interface SheetColumn {
  header: string;
  width: number;
  numFmt?: string;
}

/**
 * A sheet as every file of the product starts — a title row, bold headers wrapped under it and frozen, printed on
 * A4 landscape with every column on one page's width and the title and headers on every page — in a new workbook,
 * or added to `workbook`.
 */
export function titledSheet(name: string, title: string, columns: readonly SheetColumn[], workbook = newWorkbook()) {
  const sheet = workbook.addWorksheet(name, {
    views: [{ state: 'frozen', ySplit: 2 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' },
  });
  sheet.mergeCells(1, 1, 1, columns.length);
  sheet.getCell(1, 1).value = title;
  sheet.getCell(1, 1).font = { bold: true, size: 14 };
  const header = sheet.getRow(2);
  columns.forEach((column, i) => {
    header.getCell(i + 1).value = column.header;
    sheet.getColumn(i + 1).width = column.width;
    if (column.numFmt) sheet.getColumn(i + 1).numFmt = column.numFmt;
  });
  header.font = { bold: true };
  header.alignment = { wrapText: true, vertical: 'middle', horizontal: 'center' };
  header.height = 34; // two lines of a wrapped header
  return { workbook, sheet };
}

/** A workbook of the product: its creator named. */
export function newWorkbook() {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '技能提升行动月调度平台';
  return workbook;
}

/** The note under a sheet's rows. */
export function noteUnder(sheet: ExcelJS.Worksheet, note: string) {
  sheet.addRow([]);
  sheet.addRow([note]);
}

/** The note under the (last) sheet's rows, and the file's bytes. */
export async function finishSheet(workbook: ExcelJS.Workbook, sheet: ExcelJS.Worksheet, note: string): Promise<Buffer> {
  noteUnder(sheet, note);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
