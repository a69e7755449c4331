import { cellOfText, DEMO_MARKER, RANKING_COLUMNS, type BulletinAttachment, type BulletinColumn, type BulletinDocument } from '@dispatch/core';
import type ExcelJS from 'exceljs';
import { fixZipDates } from './fixed-dates.ts';
import { newWorkbook, noteUnder, textWidth, titledSheet } from './workbook.ts';

const EMPHASIS = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } } as const;

/** A cell of the document's text as the ranking export writes it: the number with the screen's format, or the text. */
function cellOf(column: BulletinColumn, text: string) {
  const ranking = RANKING_COLUMNS.find((c) => c.key === column.key);
  return ranking ? cellOfText(ranking, text) : { cell: text === '' ? null : text };
}

/** 「附件2 各县市区」: the attachment's number and what its rows are. */
const sheetName = (item: BulletinAttachment) => `附件${item.number} 各${item.table.columns.find((c) => c.key === 'name')?.label ?? ''}`.trim();

function attachmentSheet(workbook: ExcelJS.Workbook, item: BulletinAttachment, demo: boolean) {
  const { columns } = item.table;
  const widest = (i: number) => Math.max(...item.table.rows.map((row) => textWidth(row.cells[i] ?? '')));
  const { sheet } = titledSheet(sheetName(item), `附件${item.number}　${item.title}${demo ? DEMO_MARKER : ''}`, columns.map((column, i) => {
    const header = column.unit ? `${column.label}（${column.unit}）` : column.label;
    return { header, width: Math.max(8, Math.ceil(textWidth(header) / 2) + 3, widest(i) + 2) };
  }), workbook);
  const line = (cells: readonly string[]) => {
    const row = sheet.addRow(cells.map((text, i) => cellOf(columns[i]!, text).cell));
    cells.forEach((text, i) => {
      const { numFmt } = cellOf(columns[i]!, text);
      if (numFmt) row.getCell(i + 1).numFmt = numFmt;
      row.getCell(i + 1).alignment = { horizontal: columns[i]!.align };
    });
    return row;
  };
  for (const { cells, emphasis } of item.table.rows) {
    const row = line(cells);
    if (emphasis) row.eachCell((cell) => { cell.fill = EMPHASIS; });
  }
  if (item.table.total) line(item.table.total).font = { bold: true };
  for (const note of item.table.notes ?? []) noteUnder(sheet, note);
}

/**
 * The bulletin's attachments as a workbook, a sheet an attachment (附件1 各市州, 附件2 各县市区, or a city's
 * counties): the title row, the header, the rows, the total and the notes, in the ranking export's formats — the
 * figures as numbers, read back from the document's text. The same document gives the same bytes.
 */
export async function renderBulletinXlsx(bulletin: BulletinDocument): Promise<Buffer> {
  const date = new Date(`${bulletin.date}T00:00:00+08:00`);
  const workbook = newWorkbook();
  for (const item of bulletin.attachments) attachmentSheet(workbook, item, bulletin.demo);
  Object.assign(workbook, { created: date, modified: date, title: bulletin.title });
  return fixZipDates(await workbook.xlsx.writeBuffer(), date);
}
