import { type Freshness, type FreshnessRow, type ImportReport } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import {
  countsText, fileProblem, formatFileSize, freshnessByCity, headerLines, missingBanner, missingCounties,
  previewColumns, problemLines, reportSummary, revertQuestion, shortSha, UPLOAD_LIMIT_BYTES,
} from './import-report.ts';

const report = (over: Partial<ImportReport> = {}): ImportReport => ({
  ok: true, kind: 'classes', rows: 2, errors: [],
  headers: [{ header: '班级编号', field: 'classNo' }, { header: '开班时间', field: 'openedOn' }, { header: '备注', field: null }],
  ...over,
});

describe('a chosen file', () => {
  test.each([
    [{ name: '五月.xlsx', size: 10 }, null],
    [{ name: 'MAY.CSV', size: 10 }, null],
    [{ name: '五月.xls', size: 10 }, '「五月.xls」不是 .xlsx 或 .csv 文件，请另存为 Excel 工作簿（.xlsx）或 CSV 后再选择。'],
    [{ name: '空.csv', size: 0 }, '「空.csv」是空文件。'],
    [{ name: '大.xlsx', size: UPLOAD_LIMIT_BYTES }, null],
    [{ name: '大.xlsx', size: UPLOAD_LIMIT_BYTES + 1 }, '「大.xlsx」有 20.0 MB，超过 20 MB 的上限，请分成几个文件导入。'],
  ])('%o → %s', (file, problem) => {
    expect(fileProblem(file)).toBe(problem);
  });

  test.each([[512, '512 B'], [1536, '1.5 KB'], [21_000_000, '20.0 MB']])('%d bytes read as %s', (bytes, text) => {
    expect(formatFileSize(bytes)).toBe(text);
  });
});

test('headers map to the template’s own names; an unknown one is unused', () => {
  expect(headerLines(report())).toEqual([
    { header: '班级编号', label: '培训班编号' },
    { header: '开班时间', label: '开班日期' },
    { header: '备注', label: null },
  ]);
  expect(previewColumns(report())).toEqual([{ field: 'classNo', label: '培训班编号' }, { field: 'openedOn', label: '开班日期' }]);
});

test('problems read as row, column and message; a file-wide problem and a whole-row problem say so', () => {
  const errors = [
    { row: 12, column: '结业日期', message: '第12行「结业日期」早于「开班日期」' },
    { row: 3, column: null, message: '第3行与第2行的培训班编号重复' },
    { row: null, column: null, message: '缺少表头「开班日期」' },
  ];
  expect(problemLines(report({ ok: false, errors }))).toEqual([
    { row: '第12行', column: '结业日期', message: '第12行「结业日期」早于「开班日期」' },
    { row: '第3行', column: '整行', message: '第3行与第2行的培训班编号重复' },
    { row: '整个文件', column: '—', message: '缺少表头「开班日期」' },
  ]);
  expect(reportSummary(report({ ok: false, rows: 1200, errors }))).toBe('共 1,200 行数据，发现 3 个问题，整个文件未导入；请修改后重新上传。');
  expect(reportSummary(report({ rows: 40 }))).toBe('共 40 行数据，未发现问题。');
});

test('counts read as 新增、更新、不变, grouped', () => {
  expect(countsText({ inserted: 3, updated: 1, unchanged: 30_000 })).toBe('新增 3、更新 1、不变 30,000');
  expect(revertQuestion({ fileName: '五月.xlsx', inserted: 3, updated: 1 })).toContain('撤销「五月.xlsx」的导入？将删除其新增的 3 条、恢复其更新的 1 条');
  expect(shortSha('a'.repeat(64))).toBe('aaaaaaaaaaaa');
});

const region = (regionCode: string, regionName: string, level: 'city' | 'county', parentCode: string | null, lastArrivedAt: string | null): FreshnessRow => ({
  regionCode, regionName, level, parentCode, lastArrivedAt, countiesArrived: null, counties: null,
});

describe('freshness', () => {
  const freshness: Freshness = {
    period: '2021-01', closed: false, closedAt: null, closedBy: null, missing: 2,
    regions: [
      { ...region('430100', '长沙市', 'city', '430000', null), countiesArrived: 1, counties: 2 },
      region('430102', '芙蓉区', 'county', '430100', '2021-02-03T01:00:00Z'),
      region('430182', '宁乡市', 'county', '430100', null),
      region('430200', '株洲市', 'city', '430000', '2021-02-01T00:00:00Z'),
      region('430211', '天元区', 'county', '430200', null),
    ],
  };

  test('per city: arrived of all, the latest arrival of the city or its counties, the counties not arrived by name', () => {
    expect(freshnessByCity(freshness)).toEqual([
      { code: '430100', name: '长沙市', arrived: 1, counties: 2, lastArrivedAt: '2021-02-03T01:00:00Z', missing: ['宁乡市'] },
      { code: '430200', name: '株洲市', arrived: 0, counties: 1, lastArrivedAt: '2021-02-01T00:00:00Z', missing: ['天元区'] },
    ]);
    expect(missingCounties(freshness, '430100')).toEqual(['宁乡市']);
  });

  test('the banner shows only when a county’s month is missing', () => {
    expect(missingBanner(0)).toBeNull();
    expect(missingBanner(121)).toBe('本月尚有 121 个县市区数据未报送');
  });
});
