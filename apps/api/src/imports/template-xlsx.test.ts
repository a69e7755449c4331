import { IMPORT_COLUMNS, IMPORT_EXAMPLES, IMPORT_KINDS, type ImportKind } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import { readImport } from './index.ts';
import { renderImportTemplate } from './template-xlsx.ts';
import { openXlsx, testImportContext } from './testing.ts';

/** Audits name classes: the classes template's example rows, as if imported first. */
const context = await testImportContext({ knownClasses: new Map(IMPORT_EXAMPLES.classes.map((c) => [String(c.classNo), String(c.regionCode)])) });

describe.each(IMPORT_KINDS)('the %s template', (kind: ImportKind) => {
  test('unchanged, its example rows (序号 示例N) read back and are each refused as the template\'s examples', async () => {
    const { report, rows } = await readImport(kind, 'template.xlsx', await renderImportTemplate(kind), context);
    expect(report.errors.map((e) => e.message)).toEqual(IMPORT_EXAMPLES[kind].map((_, i) => `第${i + 2}行是模板的示例行，请删除后再导入`));
    expect(report.ok).toBe(false);
    expect(rows).toEqual([]);
    expect(report.headers.map((h) => h.field)).toEqual([null, ...IMPORT_COLUMNS[kind].map((c) => c.field)]);
  });

  test('with the 序号 marks cleared, its example rows validate with 0 problems', async () => {
    const workbook = await openXlsx(await renderImportTemplate(kind));
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell(1, 1).value).toBe('序号');
    IMPORT_EXAMPLES[kind].forEach((_, i) => {
      expect(sheet.getCell(i + 2, 1).value).toBe(`示例${i + 1}`);
      sheet.getCell(i + 2, 1).value = null;
    });
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const { report, rows } = await readImport(kind, 'template.xlsx', bytes, context);
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: IMPORT_EXAMPLES[kind].length });
    expect(rows).toHaveLength(IMPORT_EXAMPLES[kind].length);
  });

  test('bold frozen headers with widths, and a 填表说明 sheet listing each column, required or not, its rule and example', async () => {
    const workbook = await openXlsx(await renderImportTemplate(kind));
    const [sheet, notes] = workbook.worksheets;
    expect(sheet!.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet!.getCell(1, 1).font?.bold).toBe(true);
    IMPORT_COLUMNS[kind].forEach((column, i) => {
      expect(sheet!.getCell(1, i + 2).value).toBe(column.header); // after 序号
      expect(sheet!.getColumn(i + 2).width).toBeGreaterThanOrEqual(8);
    });
    expect(notes!.name).toBe('填表说明');
    const listed = notes!.getSheetValues().filter((row) => Array.isArray(row) && IMPORT_COLUMNS[kind].some((c) => c.header === row[1]));
    expect(listed.map((row) => (row as unknown[]).slice(1, 3))).toEqual(IMPORT_COLUMNS[kind].map((c) => [c.header, c.required ? '必填' : '可选']));
    expect(listed.every((row) => typeof (row as unknown[])[3] === 'string' && typeof (row as unknown[])[4] === 'string')).toBe(true);
    expect(notes!.getCell(3, 1).value).toContain('示例行');
    expect(notes!.getCell(3, 1).value).toContain('请删除后再导入');
  });
});

test('a class number keeps every digit: code columns are text in the template', async () => {
  const sheet = (await openXlsx(await renderImportTemplate('classes'))).worksheets[0]!;
  expect(sheet.getCell('B2').value).toBe('20204301829000001');
  expect(sheet.getColumn(2).numFmt).toBe('@');
});
