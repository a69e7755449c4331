import { describe, expect, test } from 'vitest';
import type { ImportKind } from '../contract/imports.ts';
import type { RawCell } from './cell-values.ts';
import { EXAMPLE_COLUMN, EXAMPLE_MARK, IMPORT_COLUMNS, IMPORT_EXAMPLES } from './columns.ts';
import type { ImportContext, ImportRegion } from './row-rules.ts';
import { isExampleRow, validateImport, type SheetRow } from './validate-import.ts';

const REGIONS: ImportRegion[] = [
  { code: '430000', name: '湖南省', level: 'province', parentCode: null },
  { code: '430100', name: '长沙市', level: 'city', parentCode: '430000' },
  { code: '430102', name: '芙蓉区', level: 'county', parentCode: '430100' },
  { code: '430182', name: '宁乡市', level: 'county', parentCode: '430100' },
  { code: '430200', name: '株洲市', level: 'city', parentCode: '430000' },
  { code: '430202', name: '荷塘区', level: 'county', parentCode: '430200' },
];
const context: ImportContext = {
  regions: new Map(REGIONS.map((r) => [r.code, r])),
  trainingTypes: [{ code: 'employment', name: '就业技能培训' }, { code: 'work-in-lieu', name: '以工代训' }, { code: 'apprenticeship', name: '新型学徒制' }],
  knownClasses: new Map([['C1', '430182'], ['C9', '430202']]),
};

/** A sheet: the template's headers in row 1, then the rows given (cells by header), numbered from 2. */
function sheet(kind: ImportKind, rows: Record<string, RawCell>[]): SheetRow[] {
  const headers = IMPORT_COLUMNS[kind].map((c) => c.header);
  return [{ row: 1, cells: headers }, ...rows.map((row, i) => ({ row: i + 2, cells: headers.map((h) => row[h] ?? null) }))];
}

const goodClass = {
  培训班编号: 'C1', 县市区代码: '430182', 培训机构: '宁乡职校', 工种: '育婴员', 培训类型: '就业技能培训', 开班日期: '2020-05-06',
  结业日期: '2020/5/25', 开班人数: 40, 结业人数: 38, 补贴人数: 30, '补贴标准（元/人）': '1,100', 例外审批文号: null,
} satisfies Record<string, RawCell>;
const goodAudit = { 审核编号: 'A1', 培训班编号: 'C1', 审核日期: '2020年6月18日', '审核金额（元）': '33,000元', 审核状态: '通过' };

describe('good files become typed rows', () => {
  test('a class, every form read', () => {
    const result = validateImport('classes', sheet('classes', [goodClass]), context);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual([{
      classNo: 'C1', regionCode: '430182', institution: '宁乡职校', occupation: '育婴员', trainingType: 'employment', openedOn: '2020-05-06',
      finishedOn: '2020-05-25', enrolled: 40, completed: 38, subsidised: 30, subsidyStandard: 1100, exception: null,
    }]);
    expect(result).toMatchObject({ ok: true, headerRow: 1, dataRows: 1, rowNumbers: [2] });
  });

  test('a running class: blank finish date and counts', () => {
    const result = validateImport('classes', sheet('classes', [{ ...goodClass, 结业日期: null, 结业人数: null, 补贴人数: ' ' }]), context);
    expect(result.rows[0]).toMatchObject({ finishedOn: null, completed: 0, subsidised: 0 });
  });

  test('a city-level class (市本级) may carry its city code', () => {
    expect(validateImport('classes', sheet('classes', [{ ...goodClass, 县市区代码: 430100 }]), context).problems).toEqual([]);
  });

  test('an audit', () => {
    const result = validateImport('audits', sheet('audits', [goodAudit]), context);
    expect(result.rows).toEqual([{ auditNo: 'A1', classNo: 'C1', auditedOn: '2020-06-18', amount: 33000, status: 'approved' }]);
  });

  test('title lines above the headers and blank rows are skipped; row numbers stay the sheet\'s', () => {
    const rows = sheet('targets', [{ 区划代码: '430182', 年度: 2021, '目标任务（人）': 100 }]).map((r) => ({ ...r, row: r.row + 2 }));
    const result = validateImport('targets', [{ row: 1, cells: ['2021年目标任务'] }, { row: 2, cells: [] }, ...rows, { row: 5, cells: [null, '  '] }], context);
    expect(result).toMatchObject({ ok: true, headerRow: 3, dataRows: 1, rowNumbers: [4] });
  });

  test.each(Object.keys(IMPORT_EXAMPLES) as ImportKind[])('the template\'s example rows of %s pass once their 序号 mark is removed', (kind) => {
    expect(validateImport(kind, templateSheet(kind, (i) => (i % 2 ? null : String(i + 1))), known).problems).toEqual([]);
  });
});

/** The template's sheet: 序号 first, then the kind's columns, its example rows under them with the 序号 given. */
function templateSheet(kind: ImportKind, mark: (i: number) => RawCell): SheetRow[] {
  const columns = IMPORT_COLUMNS[kind];
  const examples = IMPORT_EXAMPLES[kind] as readonly Record<string, RawCell>[];
  return [
    { row: 1, cells: [EXAMPLE_COLUMN, ...columns.map((c) => c.header)] },
    ...examples.map((e, i) => ({ row: i + 2, cells: [mark(i), ...columns.map((c) => e[c.field] ?? null)] })),
  ];
}
const known = { ...context, knownClasses: new Map(IMPORT_EXAMPLES.classes.map((c) => [String(c.classNo), String(c.regionCode)])) };

describe('a template\'s example rows are refused as such, each by its row', () => {
  test.each(Object.keys(IMPORT_EXAMPLES) as ImportKind[])('the %s template unchanged', (kind) => {
    const result = validateImport(kind, templateSheet(kind, (i) => `${EXAMPLE_MARK}${i + 1}`), known);
    expect(result.problems.map((p) => p.message)).toEqual(IMPORT_EXAMPLES[kind].map((_, i) => `第${i + 2}行是模板的示例行，请删除后再导入`));
    expect(result).toMatchObject({ ok: false, rows: [], dataRows: IMPORT_EXAMPLES[kind].length });
  });

  test.each<[string, RawCell, boolean]>([
    ['示例1 in 序号', '示例1', true],
    ['the mark after spaces', '  示例2', true],
    ['a 备注 saying so', '示例行，请删除', true],
    ['a plain 序号', '1', false],
    ['a number', 1, false],
    ['示范 (a real word, not the mark)', '示范班', false],
    ['示例 inside the text', '非示例数据', false],
    ['blank', null, false],
  ])('%s: example row %s', (_, cell, example) => {
    const result = validateImport('targets', [
      { row: 1, cells: ['区划代码', '年度', '目标任务（人）', '备注'] },
      { row: 2, cells: ['430182', 2021, 100, cell] },
    ], context);
    expect(isExampleRow({ row: 2, cells: [cell] })).toBe(example);
    expect(result.problems.map((p) => p.message)).toEqual(example ? ['第2行是模板的示例行，请删除后再导入'] : []);
  });

  test('the mark in a known column (a class number 示例…) is refused too, and only that is said of the row', () => {
    const result = validateImport('classes', sheet('classes', [{ ...goodClass, 培训班编号: '示例001', 开班人数: -1 }, goodClass]), context);
    expect(result.problems.map((p) => p.message)).toEqual(['第2行是模板的示例行，请删除后再导入']);
    expect(result.rowNumbers).toEqual([3]);
  });
});

describe('each kind of error, by row and header', () => {
  test.each<[string, ImportKind, Record<string, RawCell>, string[]]>([
    ['finished before opened', 'classes', { ...goodClass, 结业日期: '2020-05-01' }, ['第2行「结业日期」早于「开班日期」']],
    ['completed over enrolled', 'classes', { ...goodClass, 结业人数: 41, 补贴人数: 0 }, ['第2行「结业人数」41 多于「开班人数」40']],
    // 10,000 people is the most a class may have; ten digits is a typing error the metrics would show as absurd ratios
    ['a class of more than 10,000', 'classes', { ...goodClass, 开班人数: 9_999_999_999 }, ['第2行「开班人数」9999999999 人超过每班上限 10,000 人：请核对是否多输了数字，或把几个班合成了一行']],
    ['subsidised over completed', 'classes', { ...goodClass, 补贴人数: 39 }, ['第2行「补贴人数」39 多于「结业人数」38']],
    ['completed with no finish date', 'classes', { ...goodClass, 结业日期: null }, ['第2行「结业日期」为空，但「结业人数」为 38：已结业的班须填结业日期']],
    ['subsidy below range', 'classes', { ...goodClass, '补贴标准（元/人）': 600 }, ['第2行「补贴标准（元/人）」600 元不在 825–4350 元之间：超出范围须在「例外审批文号」填批准文号']],
    ['subsidy above range', 'classes', { ...goodClass, '补贴标准（元/人）': 4351 }, ['第2行「补贴标准（元/人）」4351 元不在 825–4350 元之间：超出范围须在「例外审批文号」填批准文号']],
    ['an unknown region', 'classes', { ...goodClass, 县市区代码: '430199' }, ['第2行「县市区代码」430199 不在地区名录中（GB/T 2260，2020年的湖南省各市州、县市区）']],
    ['the province as a class region', 'classes', { ...goodClass, 县市区代码: '430000' }, ['第2行「县市区代码」430000（湖南省）不能用于此处：培训班填开班地的县市区代码，市本级的班填市州代码']],
    ['a malformed region code', 'classes', { ...goodClass, 县市区代码: '4301' }, ['第2行「县市区代码」应为6位数字的行政区划代码，读到「4301」']],
    ['a bad date', 'classes', { ...goodClass, 开班日期: '2020-02-30' }, ['第2行「开班日期」「2020-02-30」不是日历上的日期']],
    ['a negative count', 'classes', { ...goodClass, 开班人数: -3 }, ['第2行「开班人数」不能为负数，读到 -3']],
    ['an unknown training type', 'classes', { ...goodClass, 培训类型: '插花' }, ['第2行「培训类型」「插花」不是已知的培训类型（就业技能培训、以工代训、新型学徒制）']],
    ['a blank required cell', 'classes', { ...goodClass, 培训机构: ' ' }, ['第2行「培训机构」为空，此列必填']],
    ['ambiguous money', 'classes', { ...goodClass, '补贴标准（元/人）': '1.100,00' }, ['第2行「补贴标准（元/人）」读到「1.100,00」：无法判断其中的点和逗号哪个是小数点，请写作不带分隔符的整数元，如 1100']],
    ['an audit of an unknown class', 'audits', { ...goodAudit, 培训班编号: 'C404' }, ['第2行「培训班编号」C404 不存在：请先导入该培训班']],
    ['an unknown audit status', 'audits', { ...goodAudit, 审核状态: '同意' }, ['第2行「审核状态」应为 已通过、未通过 或 待审核，读到「同意」']],
    ['fractional yuan audited', 'audits', { ...goodAudit, '审核金额（元）': '12.5' }, ['第2行「审核金额（元）」读到 12.5 元：金额须为整数元，不能有角分']],
    ['a city target', 'targets', { 区划代码: '430100', 年度: 2021, '目标任务（人）': 100 }, ['第2行「区划代码」430100（长沙市）不能用于此处：目标任务按县市区填写，市州的数为所辖县市区之和']],
    ['a bad year', 'allocations', { 区划代码: '430182', 年度: '21年', '分配资金（元）': 100 }, ['第2行「年度」应为四位年份，读到「21年」']],
  ])('%s', (_, kind, row, messages) => {
    const result = validateImport(kind, sheet(kind, [row]), context);
    expect(result.problems.map((p) => p.message)).toEqual(messages);
    expect(result).toMatchObject({ ok: false, rows: [] });
  });

  const REGION_UNKNOWN = '第2行「县市区代码」430199 不在地区名录中（GB/T 2260，2020年的湖南省各市州、县市区）';
  test.each<[string, ImportKind, Record<string, RawCell>, string[], string | null]>([
    ['an unknown region beside a day 35 (the review’s row)', 'classes', { ...goodClass, 县市区代码: '430199', 开班日期: '2021/1/35' },
      ['第2行「开班日期」「2021/1/35」不是日历上的日期', REGION_UNKNOWN], null],
    ['an unknown training type beside completed over enrolled', 'classes', { ...goodClass, 培训类型: '插花', 结业人数: 41, 补贴人数: 0 },
      ['第2行「培训类型」「插花」不是已知的培训类型（就业技能培训、以工代训、新型学徒制）', '第2行「结业人数」41 多于「开班人数」40'], null],
    ['an unreadable enrolled count: subsidised over completed still checked, completed over enrolled not', 'classes', { ...goodClass, 开班人数: 'x', 补贴人数: 39 },
      ['第2行「开班人数」应为不小于0的整数，读到「x」', '第2行「补贴人数」39 多于「结业人数」38'], null],
    ['an unreadable finish date: no rule over it echoes it', 'classes', { ...goodClass, 结业日期: '下月' },
      ['第2行「结业日期」「下月」不是日期，请写作 2020-05-03、2020/5/3 或 2020年5月3日'], null],
    ['a blank required opening date beside a subsidy out of range', 'classes', { ...goodClass, 开班日期: null, '补贴标准（元/人）': 600 },
      ['第2行「开班日期」为空，此列必填', '第2行「补贴标准（元/人）」600 元不在 825–4350 元之间：超出范围须在「例外审批文号」填批准文号'], null],
    ['out of scope beside a bad date', 'classes', { ...goodClass, 县市区代码: '430202', 开班日期: '2020-02-30' },
      ['第2行「开班日期」「2020-02-30」不是日历上的日期', '第2行「县市区代码」430202（荷塘区）不在本账号的管辖范围（长沙市）内'], '430100'],
    ['an audit of an unknown class beside fractional yuan', 'audits', { ...goodAudit, 培训班编号: 'C404', '审核金额（元）': '12.5' },
      ['第2行「审核金额（元）」读到 12.5 元：金额须为整数元，不能有角分', '第2行「培训班编号」C404 不存在：请先导入该培训班'], null],
    ['a city target with a bad year', 'targets', { 区划代码: '430100', 年度: '21年', '目标任务（人）': 100 },
      ['第2行「年度」应为四位年份，读到「21年」', '第2行「区划代码」430100（长沙市）不能用于此处：目标任务按县市区填写，市州的数为所辖县市区之和'], null],
  ])('every problem of a row at once: %s', (_, kind, row, messages, scope) => {
    const result = validateImport(kind, sheet(kind, [row]), { ...context, scope });
    expect(result.problems.map((p) => p.message)).toEqual(messages);
    expect(result).toMatchObject({ ok: false, rows: [] });
  });

  test('a problem names its row and the header the file uses', () => {
    const rows: SheetRow[] = [
      { row: 1, cells: ['行政区划代码', '年份', '目标任务'] },
      { row: 2, cells: ['430182', '2021', '-5'] },
    ];
    expect(validateImport('targets', rows, context).problems).toEqual([{ row: 2, column: '目标任务', message: '第2行「目标任务」不能为负数，读到「-5」' }]);
  });

  test('an exception number lets a standard outside the range through', () => {
    const row = { ...goodClass, '补贴标准（元/人）': 5000, 例外审批文号: '湘人社函〔2020〕88号' };
    expect(validateImport('classes', sheet('classes', [row]), context).rows[0]).toMatchObject({ subsidyStandard: 5000, exception: '湘人社函〔2020〕88号' });
  });

  test('duplicate keys name both rows', () => {
    expect(validateImport('classes', sheet('classes', [goodClass, { ...goodClass, 培训班编号: 'C2' }, goodClass]), context).problems).toEqual([
      { row: 4, column: '培训班编号', message: '第4行「培训班编号」C1 与第2行重复' },
    ]);
    const badDuplicate = validateImport('classes', sheet('classes', [goodClass, { ...goodClass, 开班人数: -1 }]), context);
    expect(badDuplicate.problems.map((p) => p.message)).toEqual(['第3行「开班人数」不能为负数，读到 -1', '第3行「培训班编号」C1 与第2行重复']);
    const target = { 区划代码: '430182', 年度: 2021, '目标任务（人）': 100 };
    expect(validateImport('targets', sheet('targets', [target, { ...target, 年度: '2021年' }]), context).problems).toEqual([
      { row: 3, column: null, message: '第3行与第2行重复：「区划代码」430182、「年度」2021 只能有一行' },
    ]);
  });

  test('each repeat names the key\'s first row, also for keys first seen after an earlier repeat', () => {
    const classNos = ['C1', 'C2', 'C1', 'C3', 'C1', 'C3', 'C2'];
    const rows = classNos.map((classNo) => ({ ...goodClass, 培训班编号: classNo }));
    expect(validateImport('classes', sheet('classes', rows), context).problems.map((p) => p.message)).toEqual([
      '第4行「培训班编号」C1 与第2行重复', '第6行「培训班编号」C1 与第2行重复', '第7行「培训班编号」C3 与第5行重复', '第8行「培训班编号」C2 与第3行重复',
    ]);
  });

  test('a city leader\'s file: a row outside the city is an error, not skipped', () => {
    const scoped = { ...context, scope: '430100' };
    const classes = validateImport('classes', sheet('classes', [goodClass, { ...goodClass, 培训班编号: 'C2', 县市区代码: '430202' }]), scoped);
    expect(classes.problems.map((p) => p.message)).toEqual(['第3行「县市区代码」430202（荷塘区）不在本账号的管辖范围（长沙市）内']);
    const audits = validateImport('audits', sheet('audits', [{ ...goodAudit, 培训班编号: 'C9' }]), scoped);
    expect(audits.problems.map((p) => p.message)).toEqual(['第2行「培训班编号」C9 属于430202（荷塘区），不在本账号的管辖范围（长沙市）内']);
  });

  test('problems stop being listed at the limit, the rest counted', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ ...goodClass, 培训班编号: `C${i}`, 开班人数: -1, 结业人数: 'x' }));
    const result = validateImport('classes', sheet('classes', rows), { ...context, maxProblems: 3 });
    expect(result.problems).toHaveLength(4);
    expect(result.problems[3]).toEqual({ row: null, column: null, message: '另有7处问题未列出' });
  });

  test('the limit counts a row\'s rule problems beside its cell problems', () => {
    const rows = Array.from({ length: 5 }, (_, i) => ({ ...goodClass, 培训班编号: `C${i}`, 县市区代码: '430199', 开班日期: '2021/1/35' }));
    const result = validateImport('classes', sheet('classes', rows), { ...context, maxProblems: 3 });
    expect(result.problems.map((p) => p.message)).toEqual([
      '第2行「开班日期」「2021/1/35」不是日历上的日期', REGION_UNKNOWN, '第3行「开班日期」「2021/1/35」不是日历上的日期', '另有7处问题未列出',
    ]);
  });

  test('a file with missing headers stops at them; an empty file says so', () => {
    expect(validateImport('targets', [{ row: 1, cells: ['区划代码', '年度'] }, { row: 2, cells: ['430182', 2021] }], context).problems).toEqual([
      { row: null, column: '目标任务（人）', message: '缺少必填列「目标任务（人）」' },
    ]);
    expect(validateImport('targets', [{ row: 1, cells: [null] }], context).problems).toEqual([{ row: null, column: null, message: '文件中没有内容' }]);
    expect(validateImport('targets', [{ row: 1, cells: ['区划代码', '年度', '目标任务'] }], context).problems).toEqual([{ row: null, column: null, message: '表头下没有数据行' }]);
  });

  test('the data rows are counted without the blank ones, also when the headers stop the file or no row has data', () => {
    const blank = (row: number) => ({ row, cells: [null, '  '] });
    const missing = validateImport('targets', [{ row: 1, cells: ['区划代码', '年度'] }, { row: 2, cells: ['430182', 2021] }, blank(3), { row: 4, cells: ['430102', 2021] }], context);
    expect(missing).toMatchObject({ ok: false, headerRow: 1, dataRows: 2, rows: [] });
    const empty = validateImport('targets', [{ row: 1, cells: ['区划代码', '年度', '目标任务'] }, blank(2), blank(3)], context);
    expect(empty).toMatchObject({ ok: false, headerRow: 1, dataRows: 0, problems: [{ row: null, column: null, message: '表头下没有数据行' }] });
  });
});

describe('a sink takes the typed rows while the file is still being checked', () => {
  const classes = (n: number) => Array.from({ length: n }, (_, i) => ({ ...goodClass, 培训班编号: `C${i + 1}` }));
  const taken = (rows: Record<string, RawCell>[]) => {
    const chunks: [number, number, string][] = [];
    let refused = 0;
    const result = validateImport('classes', sheet('classes', rows), context, {
      every: 4, first: 2, take: (chunk, first) => chunks.push([first, chunk.length, chunk.map((c) => c.classNo).join(' ')]), refused: () => refused++,
    });
    return { result, chunks, refused };
  };

  test('the first chunk as asked, then every so many, the rest once the file is found good: each row once, in order', () => {
    const { result, chunks, refused } = taken(classes(11));
    expect(result.ok).toBe(true);
    expect(refused).toBe(0);
    expect(chunks).toEqual([[0, 2, 'C1 C2'], [2, 4, 'C3 C4 C5 C6'], [6, 4, 'C7 C8 C9 C10'], [10, 1, 'C11']]);
    // the sink has the rows; the answer keeps their sheet rows only
    expect(result.rows).toEqual([]);
    expect(result.rowNumbers).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  test('nothing more once a problem is found, and not the rest: the file is refused, and the sink told so at once', () => {
    const rows = classes(11);
    rows[4] = { ...rows[4]!, 开班人数: -1 }; // row 6 of the sheet
    rows[8] = { ...rows[8]!, 开班人数: -1 }; // and row 10
    const { result, chunks, refused } = taken(rows);
    expect(result.ok).toBe(false);
    expect(result.problems.map((p) => p.row)).toEqual([6, 10]);
    expect(chunks).toEqual([[0, 2, 'C1 C2']]);
    expect(refused).toBe(1); // told at the first, once
  });
});
