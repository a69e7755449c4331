import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cellOfText, RANKING_COLUMNS, type BulletinTable } from '@dispatch/core';
import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { bulletinFixture } from './bulletin-fixture.ts';
import { renderBulletinXlsx } from './bulletin-xlsx.ts';

const fixture = { ...bulletinFixture(), demo: true };
const file = await renderBulletinXlsx(fixture);
const workbook = new ExcelJS.Workbook();
await workbook.xlsx.load(file as unknown as ArrayBuffer);

/** A document's row as the workbook should hold it: figures as numbers (the ranking's), the rest as text. */
const expected = (table: BulletinTable, cells: readonly string[]) => cells.map((text, i) => {
  const column = RANKING_COLUMNS.find((c) => c.key === table.columns[i]!.key);
  return column ? cellOfText(column, text).cell : text || null;
});
const values = (row: ExcelJS.Row, count: number) => Array.from({ length: count }, (_, i) => row.getCell(i + 1).value ?? null);

describe('the bulletin’s attachments as Excel', () => {
  test('a sheet an attachment, named by its number and rows', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(fixture.attachments.map((a) => `附件${a.number} 各县市区`));
  });

  test('row for row the document’s table: title, header, rows, total, notes', () => {
    fixture.attachments.forEach((attachment, n) => {
      const { table } = attachment;
      const sheet = workbook.worksheets[n]!;
      const width = table.columns.length;
      expect(sheet.getCell(1, 1).value).toBe(`附件${attachment.number}　${attachment.title}（演示数据，非真实统计）`);
      expect(values(sheet.getRow(2), width)).toEqual(table.columns.map((c) => (c.unit ? `${c.label}（${c.unit}）` : c.label)));
      table.rows.forEach((row, i) => expect(values(sheet.getRow(3 + i), width), row.cells[1]).toEqual(expected(table, row.cells)));
      expect(table.rows).toHaveLength(122);
      let next = 3 + table.rows.length;
      if (table.total) expect(values(sheet.getRow(next++), width)).toEqual(expected(table, table.total));
      for (const note of table.notes ?? []) {
        expect(sheet.getRow(next + 1).getCell(1).value).toBe(note);
        next += 2;
      }
      expect(sheet.rowCount).toBe(next - 1);
    });
  });

  test('figures carry the ranking export’s formats', () => {
    const sheet = workbook.worksheets[0]!;
    const { columns } = fixture.attachments[0]!.table;
    const ratio = columns.findIndex((c) => c.key === 'completionRatio') + 1;
    expect(sheet.getRow(3).getCell(ratio).numFmt).toBe('0.0%');
    expect(typeof sheet.getRow(3).getCell(ratio).value).toBe('number');
  });

  test('名次变化 stays a number, written as the PDF writes it: 持平 for 0, ↑/↓ for the others (LibreOffice reads it so)', async () => {
    const columns = [{ key: 'name', label: '市州', align: 'left', width: 1.6 }, { key: 'rankChange', label: '名次变化', align: 'right', width: 1 }] as const;
    const table = { title: '名次变化', columns: [...columns], rows: [{ cells: ['长沙市', '持平'] }, { cells: ['株洲市', '↑2'] }, { cells: ['湘潭市', '↓1'] }] };
    const book = new ExcelJS.Workbook();
    const changes = await renderBulletinXlsx({ ...fixture, attachments: [{ number: 1, title: '名次变化', orientation: 'portrait', table }] });
    await book.xlsx.load(changes as unknown as ArrayBuffer);
    const cells = [3, 4, 5].map((r) => book.worksheets[0]!.getRow(r).getCell(2));
    expect(cells.map((cell) => cell.value)).toEqual([0, 2, -1]);
    expect(new Set(cells.map((cell) => cell.numFmt))).toEqual(new Set(['"↑"0;"↓"0;"持平"']));
    const dir = mkdtempSync(join(tmpdir(), 'bulletin-xlsx-'));
    try {
      writeFileSync(join(dir, 'changes.xlsx'), changes);
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/profile`, '--convert-to', 'csv:Text - txt - csv (StarCalc):44,34,76', '--outdir', dir, join(dir, 'changes.xlsx')], { stdio: 'ignore' });
      const shown = readFileSync(join(dir, 'changes.csv'), 'utf8').split('\n').slice(2, 5).map((line) => line.split(',')[1]);
      expect(shown).toEqual(['持平', '↑2', '↓1']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  test('the same document gives the same bytes', async () => {
    await new Promise((resolve) => setTimeout(resolve, 2100)); // past the zip's two-second clock
    expect((await renderBulletinXlsx(fixture)).equals(file)).toBe(true);
  });
});
