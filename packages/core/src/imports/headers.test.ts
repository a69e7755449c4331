import { describe, expect, test } from 'vitest';
import { mapHeaders, normalizeHeader } from './headers.ts';

describe('header names', () => {
  test.each([
    ['补贴标准（元/人）', '补贴标准'], ['补贴标准(元)', '补贴标准'], ['审核金额 （元）', '审核金额'], ['* 开班日期', '开班日期'],
    ['目标任务（人）', '目标任务'], ['分配资金(万元)', '分配资金(万元)'], ['县市区代码（必填）', '县市区代码'],
  ])('%s compares as %s', (header, normalized) => expect(normalizeHeader(header)).toBe(normalized));
});

describe('mapping headers', () => {
  test('any order, synonyms, units with or without full-width brackets; unknown columns kept with no field', () => {
    const { headers, problems } = mapHeaders('allocations', ['备注', '分配资金', ' 行政区划代码 ', '年份']);
    expect(problems).toEqual([]);
    expect(headers).toEqual([
      { header: '备注', index: 0, field: null },
      { header: '分配资金', index: 1, field: 'fundsBudget' },
      { header: '行政区划代码', index: 2, field: 'regionCode' },
      { header: '年份', index: 3, field: 'year' },
    ]);
  });

  test.each(['县市区代码', '区划代码', '行政区划代码', '地区代码'])('%s is the region code', (header) => {
    expect(mapHeaders('targets', [header, '年度', '目标任务']).problems).toEqual([]);
  });

  test('missing required columns are named, file-level (row null); optional ones may be absent', () => {
    const { problems } = mapHeaders('classes', ['培训班编号', '县市区代码', '培训机构', '工种', '开班日期', '开班人数']);
    expect(problems).toEqual([
      { row: null, column: '培训类型', message: '缺少必填列「培训类型」' },
      { row: null, column: '补贴标准（元/人）', message: '缺少必填列「补贴标准（元/人）」' },
    ]);
  });

  test('two columns for one field are refused', () => {
    expect(mapHeaders('targets', ['县市区代码', '区划代码', '年度', '目标任务']).problems).toEqual([
      { row: null, column: '区划代码', message: '「区划代码」与「县市区代码」都是「区划代码」，请只保留一列' },
    ]);
  });

  test('money in 万元 is refused rather than read 10,000 times too small', () => {
    expect(mapHeaders('allocations', ['区划代码', '年度', '分配资金（万元）']).problems).toEqual([
      { row: null, column: '分配资金（万元）', message: '「分配资金（万元）」以万元为单位：金额须按元填写，请换算后把表头改为「分配资金（元）」' },
      { row: null, column: '分配资金（元）', message: '缺少必填列「分配资金（元）」' },
    ]);
  });
});
