import iconv from 'iconv-lite';
import { describe, expect, test } from 'vitest';
import { readImport } from './read-import.ts';
import { makeXlsx, testImportContext } from './testing.ts';

const context = await testImportContext({ knownClasses: new Map([['20204301820000001', '430182'], ['20204302020000001', '430202']]) });

describe('readImport: a file as the route gets it', () => {
  test('rows past the limit found only as the file is read (lines ended by CR alone: no line feed to count first) are refused as too many', async () => {
    const { report } = await readImport('targets', 'x.csv', new TextEncoder().encode(`年度\r${'2021\r'.repeat(200_001)}`), context);
    expect(report).toMatchObject({ ok: false, errors: [{ row: null, column: null, message: '文件超过 200,000 行：请按年度或地区分成几个文件导入' }] });
  });

  test('a GBK CSV with the platform\'s own headers, in its order, with an extra column: typed rows and the mapping', async () => {
    const csv = [
      '序号,行政区划代码,班级编号,承训机构,职业（工种）,培训类别,开班时间,结业时间,参训人数,结业人数,享受补贴人数,补贴标准 (元),联系人',
      '1,430182,20204301820000009,宁乡市职业技术培训学校,育婴员,以工代训,2020年5月6日,2020年5月25日,40,38,30,"1,100.00元",张三',
    ].join('\r\n');
    const { report, rows, rowNumbers, format } = await readImport('classes', '5月.csv', new Uint8Array(iconv.encode(csv, 'gbk')), context);
    expect(report).toMatchObject({ ok: true, kind: 'classes', rows: 1, errors: [] });
    expect(report.headers.filter((h) => h.field === null).map((h) => h.header)).toEqual(['序号', '联系人']);
    expect(rows).toEqual([{
      classNo: '20204301820000009', regionCode: '430182', institution: '宁乡市职业技术培训学校', occupation: '育婴员', trainingType: 'work-in-lieu',
      openedOn: '2020-05-06', finishedOn: '2020-05-25', enrolled: 40, completed: 38, subsidised: 30, subsidyStandard: 1100, exception: null,
    }]);
    expect({ rowNumbers, format }).toEqual({ rowNumbers: [2], format: 'csv' });
  });

  test('a city leader\'s audits: one of another city\'s class and one unknown are errors; nothing is skipped', async () => {
    const bytes = await makeXlsx({
      资金审核: [
        ['审核编号', '培训班编号', '审核日期', '审核金额（元）', '审核状态'],
        ['A1', '20204301820000001', new Date(Date.UTC(2020, 5, 18)), 33000, '已通过'],
        ['A2', '20204302020000001', 44000, '1,200', '驳回'],
        ['A3', '20204301820000404', '2020-06-18', 0, '待审核'],
      ],
    });
    const { report, rows } = await readImport('audits', '审核.xlsx', bytes, { ...context, scope: '430100' });
    expect(report.errors.map((e) => e.message)).toEqual([
      '第3行「培训班编号」20204302020000001 属于430202（荷塘区），不在本账号的管辖范围（长沙市）内',
      '第4行「培训班编号」20204301820000404 不存在：请先导入该培训班',
    ]);
    expect(report).toMatchObject({ ok: false, rows: 3 });
    expect(rows.map((r) => r.auditNo)).toEqual(['A1']);
  });

  test('a file that is neither xlsx nor CSV answers a report with that one problem', async () => {
    const { report, rows, format } = await readImport('targets', '照片.jpg', new Uint8Array([0xff, 0xd8, 0xff, 0x00, 0x10]), context);
    expect(report).toEqual({ ok: false, kind: 'targets', rows: 0, headers: [], errors: [{ row: null, column: null, message: '无法识别「照片.jpg」：请上传 Excel（.xlsx）文件，或 UTF-8、GBK 编码的 CSV 文件' }] });
    expect({ rows, format }).toEqual({ rows: [], format: null });
  });
});
