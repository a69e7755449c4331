import type { ImportContext } from '@dispatch/core';
import { getRegions, prepareDb } from '@dispatch/db';
import ExcelJS from 'exceljs';

/** The demo catalogue's nine training types (training_types), as a route would load them. */
export const TEST_TRAINING_TYPES = [
  { code: 'employment', name: '就业技能培训' }, { code: 'upgrade', name: '岗位技能提升培训' }, { code: 'work-in-lieu', name: '以工代训' },
  { code: 'apprenticeship', name: '新型学徒制' }, { code: 'entrepreneurship', name: '创业培训' }, { code: 'retired-fishermen', name: '退捕渔民培训' },
  { code: 'hunan-women', name: '湘女素质提升工程' }, { code: 'village-livestream', name: '村播带货' }, { code: 'light-homes', name: '点亮万家灯火' },
];

/** The regions of a real (empty) database and the catalogue's types; known classes as given. */
export async function testImportContext(extra: Partial<ImportContext> = {}): Promise<ImportContext> {
  const { db } = await prepareDb({ url: ':memory:', demo: false });
  return { regions: new Map((await getRegions(db)).map((r) => [r.code, r])), trainingTypes: TEST_TRAINING_TYPES, ...extra };
}

/** An .xlsx made the way a user's Excel would: named sheets of rows of cell values. */
export async function makeXlsx(sheets: Record<string, ExcelJS.CellValue[][]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const sheet = workbook.addWorksheet(name);
    rows.forEach((cells, i) => cells.forEach((value, j) => {
      if (value !== null) sheet.getCell(i + 1, j + 1).value = value;
    }));
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export async function openXlsx(bytes: Uint8Array | Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  return workbook;
}
