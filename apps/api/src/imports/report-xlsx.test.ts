import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { readImport } from './index.ts';
import { PROBLEM_SHEET, renderImportReport } from './report-xlsx.ts';
import { makeXlsx, openXlsx, testImportContext } from './testing.ts';

const HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）', '备注'];
const good = ['C1', '430182', '宁乡职校', '育婴员', '就业技能培训', '2020-05-06', '2020-05-25', 40, 38, 30, 1100, ''];
/** Row 3: finished before opened; row 4: a duplicate of row 2 with a bad standard; row 5 fine. */
const ROWS = [
  HEADERS,
  good,
  ['C2', '430182', '宁乡职校', '育婴员', '以工代训', '2020-05-06', '2020-05-01', 40, 38, 30, 1100, ''],
  ['C1', '430182', '宁乡职校', '育婴员', '就业技能培训', '2020-05-06', '2020-05-25', 40, 38, 30, '12.5', ''],
  ['C3', '430102', '芙蓉职校', '电工', '以工代训', '2020/6/1', '', 20, 0, 0, '1,500', ''],
];
const context = await testImportContext();

function marks(sheet: import('exceljs').Worksheet) {
  const found: { address: string; note: string }[] = [];
  sheet.eachRow((row) => row.eachCell((cell) => {
    const fill = cell.fill as { fgColor?: { argb?: string } } | undefined;
    if (fill?.fgColor?.argb === 'FFFFC7CE') found.push({ address: cell.address, note: typeof cell.note === 'string' ? cell.note : (cell.note?.texts ?? []).map((t) => t.text).join('') });
  }));
  return found;
}

describe('the error report', () => {
  test('an .xlsx: the same workbook, each bad cell red with its message as a comment, and the 问题清单', async () => {
    const bytes = await makeXlsx({ 说明: [['先看这里']], 培训班: ROWS });
    const { report } = await readImport('classes', '5月培训班.xlsx', bytes, context);
    expect(report.errors.map((e) => e.message)).toEqual([
      '第3行「结业日期」早于「开班日期」',
      '第4行「补贴标准（元/人）」读到 12.5 元：金额须为整数元，不能有角分',
      '第4行「培训班编号」C1 与第2行重复',
    ]);
    const workbook = await openXlsx(await renderImportReport('classes', '5月培训班.xlsx', bytes, report.errors));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['说明', '培训班', PROBLEM_SHEET]);
    expect(marks(workbook.getWorksheet('培训班')!)).toEqual([
      { address: 'G3', note: '第3行「结业日期」早于「开班日期」' },
      { address: 'A4', note: '第4行「培训班编号」C1 与第2行重复' },
      { address: 'K4', note: '第4行「补贴标准（元/人）」读到 12.5 元：金额须为整数元，不能有角分' },
    ]);
    expect(workbook.getWorksheet('培训班')!.getCell('C5').value).toBe('芙蓉职校'); // the rest as uploaded
    expect(workbook.getWorksheet(PROBLEM_SHEET)!.getSheetValues().slice(1).map((row) => (row as unknown[]).slice(1))).toEqual([
      ['行号', '列', '问题'],
      [3, '结业日期', '第3行「结业日期」早于「开班日期」'],
      [4, '补贴标准（元/人）', '第4行「补贴标准（元/人）」读到 12.5 元：金额须为整数元，不能有角分'],
      [4, '培训班编号', '第4行「培训班编号」C1 与第2行重复'],
    ]);
  });

  test('a GBK CSV: a new workbook of its rows, row problems on the first cell, two problems in one comment, header problems on the header', async () => {
    const csv = [
      '培训班编号,县市区代码,培训机构,工种,培训类型,开班日期,结业日期,开班人数,结业人数,补贴人数,补贴标准（元/人）,补贴标准',
      'C1,430182,宁乡职校,育婴员,就业技能培训,2020-05-06,2020-05-25,40,38,30,1100,1100',
    ].join('\r\n');
    const bytes = new Uint8Array(iconv.encode(csv, 'gbk'));
    const { report } = await readImport('classes', '培训班.csv', bytes, context);
    expect(report.errors).toEqual([{ row: null, column: '补贴标准', message: '「补贴标准」与「补贴标准（元/人）」都是「补贴标准（元/人）」，请只保留一列' }]);
    const problems = [
      ...report.errors,
      { row: 2, column: null, message: '第2行与第9行重复' },
      { row: 2, column: '开班人数', message: '甲' },
      { row: 2, column: '开班人数', message: '乙' },
      { row: null, column: '例外审批文号', message: '缺少必填列「例外审批文号」' },
    ];
    const workbook = await openXlsx(await renderImportReport('classes', '培训班.csv', bytes, problems));
    const sheet = workbook.getWorksheet('培训班')!;
    expect(sheet.getCell('B2').value).toBe('430182');
    expect(marks(sheet)).toEqual([
      { address: 'L1', note: problems[0]!.message },
      { address: 'A2', note: '第2行与第9行重复' },
      { address: 'H2', note: '甲\n乙' },
    ]);
    expect(workbook.getWorksheet(PROBLEM_SHEET)!.rowCount).toBe(1 + problems.length);
  });

  test('a report uploaded again gets a fresh 问题清单, not a second one', async () => {
    const bytes = await makeXlsx({ 培训班: ROWS });
    const { report } = await readImport('classes', 'a.xlsx', bytes, context);
    const once = await renderImportReport('classes', 'a.xlsx', bytes, report.errors);
    const twice = await openXlsx(await renderImportReport('classes', 'a.xlsx', once, report.errors.slice(0, 1)));
    expect(twice.worksheets.map((s) => s.name)).toEqual(['培训班', PROBLEM_SHEET]);
    expect(twice.getWorksheet(PROBLEM_SHEET)!.rowCount).toBe(2);
    expect(report.errors).toHaveLength(3);
  });
});
