import ExcelJS from 'exceljs';
import { describe, expect, test } from 'vitest';
import { useDemoApi } from '../testing/test-session.ts';

const demo = useDemoApi();

async function readWorkbook(response: Response) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await response.arrayBuffer());
  const sheet = workbook.worksheets[0]!;
  const values = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
  return { sheet, values };
}

describe('GET /api/exports/rankings.xlsx', () => {
  test('the counties of one city, sorted by trainees, row for row as the API answers them', async () => {
    const response = await demo.request('/api/exports/rankings.xlsx?period=2020-05&level=county&parent=430200&sort=trainees&order=desc');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('spreadsheetml');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('2020年1—5月株洲市县市区完成情况排名.xlsx');
    const { values } = await readWorkbook(response);
    expect(values(1)[0]).toBe('2020年1—5月 株洲市县市区完成情况排名（演示数据，非真实统计）');
    expect(values(2)).toEqual([
      '名次', '地区', '目标任务（万人次）', '开班数', '结课数', '培训人次（万人次）', '完成比例', '较时序进度（百分点）',
      '资金审核数（万元）', '资金执行率', '人均补贴（元）', '名次变化',
    ]);
    const api = (await (await demo.request('/api/metrics?period=2020-05&level=county&parent=430200')).json()) as { rows: any[] };
    const expected = [...api.rows].sort((a, b) => b.trainees - a.trainees || a.rank - b.rank);
    expected.forEach((row, i) => {
      const cells = values(3 + i);
      expect(cells[0]).toBe(row.rank);
      expect(cells[1]).toBe(row.name);
      expect(cells[2]).toBeCloseTo(row.target / 10_000, 6);
      expect(cells[5]).toBeCloseTo(row.trainees / 10_000, 6);
      expect(cells[6]).toBe(row.completionRatio);
      expect(cells[8]).toBeCloseTo(row.fundsAudited / 10_000, 6);
      expect(cells[11]).toBe(row.rankChange);
    });
    expect(values(3 + expected.length)).toEqual([]);
  });

  test('the 14 cities by default, in rank order', async () => {
    const { values } = await readWorkbook(await demo.request('/api/exports/rankings.xlsx?period=2020-12'));
    const ranks = Array.from({ length: 14 }, (_, i) => values(3 + i)[0]);
    expect(ranks).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  test.each([
    ['sort=village', 'sort'],
    ['order=up', 'order'],
    ['period=2020-13', 'period'],
    ['level=county&parent=430102', 'parent'],
  ])('%s is a 400 naming %s', async (query, field) => {
    const response = await demo.request(`/api/exports/rankings.xlsx?${query}`);
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.message).toContain(`参数 ${field}`);
  });
});
