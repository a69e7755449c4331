import { IMPORT_COLUMNS, IMPORT_EXAMPLES, IMPORT_KINDS, type ImportKind } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import { readImport } from './index.ts';
import { renderImportTemplate } from './template-xlsx.ts';
import { openXlsx, testImportContext } from './testing.ts';

/** Audits name classes: the classes template's example rows, as if imported first. */
const context = await testImportContext({ knownClasses: new Map(IMPORT_EXAMPLES.classes.map((c) => [String(c.classNo), String(c.regionCode)])) });

describe.each(IMPORT_KINDS)('the %s template', (kind: ImportKind) => {
  test('filled with its own example rows, it reads back and validates with 0 problems', async () => {
    const bytes = await renderImportTemplate(kind);
    const { report, rows } = await readImport(kind, 'template.xlsx', bytes, context);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: IMPORT_EXAMPLES[kind].length });
    expect(rows).toHaveLength(IMPORT_EXAMPLES[kind].length);
    expect(report.headers.map((h) => h.field)).toEqual(IMPORT_COLUMNS[kind].map((c) => c.field));
  });

  test('bold frozen headers with widths, and a 填表说明 sheet listing each column, required or not, its rule and example', async () => {
    const workbook = await openXlsx(await renderImportTemplate(kind));
    const [sheet, notes] = workbook.worksheets;
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.getCell(1, 1).font?.bold).toBe(true);
    IMPORT_COLUMNS[kind].forEach((column, i) => {
      expect(sheet!.getCell(1, i + 1).value).toBe(column.header);
      expect(sheet!.getColumn(i + 1).width).toBeGreaterThanOrEqual(8);
    });
    expect(notes!.name).toBe('填表说明');
    const listed = notes!.getSheetValues().filter((row) => Array.isArray(row) && IMPORT_COLUMNS[kind].some((c) => c.header === row[1]));
    expect(listed.map((row) => (row as unknown[]).slice(1, 3))).toEqual(IMPORT_COLUMNS[kind].map((c) => [c.header, c.required ? '必填' : '可选']));
    expect(listed.every((row) => typeof (row as unknown[])[3] === 'string' && typeof (row as unknown[])[4] === 'string')).toBe(true);
  });
});

test('a class number keeps every digit: code columns are text in the template', async () => {
  const sheet = (await openXlsx(await renderImportTemplate('classes'))).worksheets[0]!;
  expect(sheet.getCell('A2').value).toBe('20204301829000001');
  expect(sheet.getColumn(1).numFmt).toBe('@');
});
