import type { ClassImportRow } from '@dispatch/core';
import { generateDemoData, readRegionRegistry } from '@dispatch/db';
import { describe, expect, test } from 'vitest';
import { readImport } from './index.ts';
import { testImportContext } from './testing.ts';

const HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）'];
const cellsOf = (r: ClassImportRow) => [
  r.classNo, r.regionCode, r.institution, r.occupation, r.trainingType, r.openedOn, r.finishedOn ?? '', r.enrolled, r.completed, r.subsidised, r.subsidyStandard,
];

describe('the demo obeys the importer\'s rules', () => {
  test('a county\'s demo classes, running ones at year end included, written as an import file, validate with 0 problems', async () => {
    const demo = generateDemoData(readRegionRegistry(), { years: [2020] });
    const name = <T extends { id: number }>(rows: readonly T[], of: (row: T) => string) => new Map(rows.map((r) => [r.id, of(r)]));
    const institutions = name(demo.institutions, (i) => i.name);
    const occupations = name(demo.occupations, (o) => o.name);
    const types = name(demo.trainingTypes, (t) => t.code);
    const county = '430182'; // 宁乡市
    const rows: ClassImportRow[] = demo.classes.filter((c) => c.regionCode === county).map((c) => ({
      classNo: c.classNo, regionCode: c.regionCode, institution: institutions.get(c.institutionId)!, occupation: occupations.get(c.occupationId)!,
      trainingType: types.get(c.trainingTypeId)!, openedOn: c.openedOn, finishedOn: c.finishedOn, enrolled: c.enrolled, completed: c.completed,
      subsidised: c.subsidised, subsidyStandard: c.subsidyStandard, exception: null,
    }));
    const running = rows.filter((r) => r.finishedOn === null);
    expect(running.length).toBeGreaterThan(0);
    expect(running.every((r) => r.completed === 0 && r.subsidised === 0)).toBe(true);
    const csv = [HEADERS, ...rows.map(cellsOf)].map((cells) => cells.join(',')).join('\r\n');
    const { report } = await readImport('classes', '宁乡市2020.csv', new TextEncoder().encode(csv), await testImportContext());
    expect(report.errors).toEqual([]);
    expect(report).toMatchObject({ ok: true, rows: rows.length });
  });
});
