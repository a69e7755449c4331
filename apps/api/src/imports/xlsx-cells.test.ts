import type { RawCell, SheetRow } from '@dispatch/core';
import ExcelJS from 'exceljs';
import { zipSync, strToU8, unzipSync, strFromU8 } from 'fflate';
import { describe, expect, test } from 'vitest';
import { cellValue } from './read-file.ts';
import { renderImportTemplate } from './template-xlsx.ts';
import { makeXlsx, openXlsx } from './testing.ts';
import { openXlsxCells } from './xlsx-cells.ts';

/** Every sheet's rows as exceljs reads them (read-file.ts's former path): the expectation the lean reader must meet. */
async function byExceljs(bytes: Uint8Array): Promise<{ names: string[]; rows: SheetRow[][] }> {
  const workbook = await openXlsx(bytes);
  const rows = workbook.worksheets.map((sheet) => {
    const out: SheetRow[] = [];
    sheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: RawCell[] = [];
      for (let column = 1; column <= row.cellCount; column++) cells.push(cellValue(row.getCell(column).value));
      out.push({ row: row.number, cells });
    });
    return out;
  });
  return { names: workbook.worksheets.map((s) => s.name), rows };
}

const withoutTrailingNulls = (rows: SheetRow[]) =>
  rows.map(({ row, cells }) => {
    const kept = [...cells];
    while (kept.length && kept[kept.length - 1] === null) kept.pop();
    return { row, cells: kept };
  });

async function expectSameAsExceljs(bytes: Uint8Array) {
  const lean = openXlsxCells(bytes);
  const expected = await byExceljs(bytes);
  expect(lean.names).toEqual(expected.names);
  expected.rows.forEach((rows, i) => expect(withoutTrailingNulls(lean.rows(i))).toEqual(withoutTrailingNulls(rows)));
}

describe('openXlsxCells reads what exceljs reads', () => {
  test('strings, rich text, numbers, dates, booleans, formulas and their errors, links, gaps, XML specials, a merged range', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('培训班');
    sheet.addRow(['培训班编号', '县市区代码', '开班日期', '人数', '备注']);
    sheet.addRow([{ richText: [{ text: '2020', font: { bold: true } }, { text: '4301' }] }, '430102', new Date(Date.UTC(2020, 4, 3)), 40, '<a & "b">']);
    sheet.addRow([{ text: '430182', hyperlink: 'https://example.org' }, { formula: '1+1', result: 2 }, { formula: 'A1', result: { error: '#REF!' } }, true, '  空格  ']);
    sheet.getCell('G5').value = 12.5;
    sheet.getCell('B6').value = { formula: 'TODAY()', result: new Date(Date.UTC(2021, 0, 2)) };
    sheet.getCell('C6').value = 44197;
    sheet.getCell('C6').numFmt = 'yyyy"年"m"月"d"日"';
    sheet.getCell('D6').value = 0.5;
    sheet.getCell('D6').numFmt = '0.00%';
    sheet.getCell('A8').value = '合并';
    sheet.mergeCells('A8:C9');
    workbook.addWorksheet('空');
    workbook.addWorksheet('第三').addRow([null, null, 'x']);
    await expectSameAsExceljs(new Uint8Array(await workbook.xlsx.writeBuffer()));
  });

  test('the templates of every kind, and a file made the way a user\'s Excel would', async () => {
    for (const kind of ['classes', 'audits', 'targets', 'allocations'] as const) await expectSameAsExceljs(new Uint8Array(await renderImportTemplate(kind)));
    await expectSameAsExceljs(await makeXlsx({ 说明: [['这是说明']], 资金审核: [['审核编号', '金额'], ['SH1', 100], [], ['SH2', '1,234元']] }));
  });

  test('inline strings, attributes on several lines and the 1904 date system, as other programs write them', async () => {
    const made = unzipSync(await makeXlsx({ a: [['x', new Date(Date.UTC(2020, 4, 3))]] }));
    const sheetPath = 'xl/worksheets/sheet1.xml';
    made[sheetPath] = strToU8(strFromU8(made[sheetPath]!).replace(/<c r="A1"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="A1"$1 t="inlineStr"><is><t>行内</t></is></c>'));
    // attributes on their own lines, in another order
    made[sheetPath] = strToU8(strFromU8(made[sheetPath]!).replace(/<c r="B1" s="(\d+)"/, '<c\n  s="$1"\n  r="B1"'));
    made['xl/workbook.xml'] = strToU8(strFromU8(made['xl/workbook.xml']!).replace(/<workbookPr\b([^>]*?)\/>/, '<workbookPr$1 date1904="1"/>'));
    const bytes = zipSync(made);
    expect(strFromU8(unzipSync(bytes)[sheetPath]!)).toContain('inlineStr');
    expect(strFromU8(unzipSync(bytes)[sheetPath]!)).toContain('\n  r="B1"');
    await expectSameAsExceljs(bytes);
  });
});
