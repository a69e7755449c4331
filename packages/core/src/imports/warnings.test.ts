import { describe, expect, test } from 'vitest';
import type { AuditImportRow, ClassImportRow, TargetImportRow } from '../contract/imports.ts';
import { importWarnings, rowYears } from './warnings.ts';

const klass = (openedOn: string, finishedOn: string | null): ClassImportRow => ({
  classNo: `K${openedOn}`, regionCode: '430182', institution: '学校', occupation: '电工', trainingType: 'employment',
  openedOn, finishedOn, enrolled: 10, completed: finishedOn ? 9 : 0, subsidised: 0, subsidyStandard: 1000, exception: null,
});
const audit = (auditedOn: string): AuditImportRow => ({ auditNo: `A${auditedOn}`, classNo: 'K1', auditedOn, amount: 100, status: 'approved' });
const target = (year: number): TargetImportRow => ({ regionCode: '430182', year, trainees: 100 });

describe('the years a file’s rows fall in', () => {
  test.each([
    ['classes by opening and finishing', [klass('2020-12-20', '2021-01-15'), klass('2021-02-01', null)], [2020, 2021]],
    ['audits by their date', [audit('2022-03-01'), audit('2022-04-01')], [2022]],
    ['targets by their year', [target(2023)], [2023]],
    ['none', [], []],
  ] as const)('%s', (_, rows, years) => {
    expect(rowYears(rows as never)).toEqual(years);
  });
});

describe('warnings that refuse nothing', () => {
  test('classes of a year without targets: named, with what to do', () => {
    expect(importWarnings('classes', rowYears([klass('2020-12-20', '2021-01-15')]), [2020])).toEqual([
      '2021年尚无目标任务：数据已可导入，但须导入2021年的目标任务后，2021年各月才会出现在统计期间中',
    ]);
  });
  test.each([
    ['classes of years with targets', 'classes', [klass('2021-01-04', '2021-01-20')], [2020, 2021], 0],
    ['audits of a year without targets', 'audits', [audit('2022-03-01')], [2021], 1],
    ['targets themselves never', 'targets', [target(2030)], [], 0],
  ] as const)('%s', (_, kind, rows, years, count) => {
    expect(importWarnings(kind, rowYears(rows as never), years)).toHaveLength(count);
  });
});
