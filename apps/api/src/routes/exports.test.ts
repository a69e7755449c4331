import { displayCell, MOVER_GROUPS, RANKING_COLUMNS, RULE_LABELS, rankingColumns, type Alert, type AlertSummary, type MetricRow } from '@dispatch/core';
import { cellNumber, exactRankingFigures, plainNumber, roundFraction } from '@dispatch/core/testing';
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
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('2020年1—5月株洲市各县市区完成情况排名.xlsx');
    const { values } = await readWorkbook(response);
    expect(values(1)[0]).toBe('2020年1—5月株洲市各县市区完成情况排名（演示数据，非真实统计）');
    expect(values(2)).toEqual([
      '名次', '地区', '所属市州', '目标任务（万人次）', '开班数', '结课数', '培训人次（万人次）', '完成比例', '较时序进度（百分点）',
      '完成比例较上月（百分点）', '当月完成比例', '当月名次', '资金审核数（万元）', '资金执行率', '人均补贴（元）', '名次变化',
    ]);
    const api = (await (await demo.request('/api/metrics?period=2020-05&level=county&parent=430200')).json()) as { rows: MetricRow[] };
    const expected = [...api.rows].sort((a, b) => b.trainees - a.trainees || a.rank - b.rank);
    expect(expected.map((_, i) => values(3 + i)[1])).toEqual(expected.map((row) => row.name));
    expect(values(3 + expected.length)).toEqual([]);
    expect(values(4 + expected.length)[0]).toBe('名次为株洲市内排名；按完成比例排名，完成比例相同按资金执行率；数据截至2020年1—5月末。由技能提升行动月调度平台导出。');
  });

  test('every region-month of 2020: each Excel cell is the screen’s number, rounded once from the exact fraction', async () => {
    let regionMonths = 0;
    for (let month = 1; month <= 12; month++) {
      for (const level of ['city', 'county'] as const) {
        const period = `2020-${String(month).padStart(2, '0')}`;
        const { rows } = (await (await demo.request(`/api/metrics?period=${period}&level=${level}`)).json()) as { rows: MetricRow[] };
        const { sheet } = await readWorkbook(await demo.request(`/api/exports/rankings.xlsx?period=${period}&level=${level}`));
        rows.forEach((row, i) => {
          const cells = (sheet.getRow(3 + i).values as unknown[]).slice(1);
          const exact = exactRankingFigures(row, month);
          rankingColumns(level).forEach((column, c) => {
            const screen = displayCell(column, row).text;
            const wanted = exact[column.key];
            if (wanted === undefined) return;
            // The cell holds the shown number (a percentage as a fraction); the screen's text says the same number.
            const cell = cellNumber(cells[c], column.format === 'percent');
            expect({ region: row.name, period, column: column.key, cell, screen: screen === '—' ? null : plainNumber(screen) })
              .toEqual({ region: row.name, period, column: column.key, cell: wanted === null ? null : String(Number(wanted)), screen: wanted });
          });
          regionMonths++;
        });
      }
    }
    expect(regionMonths).toBe(12 * (14 + 122));
  });

  test('湘潭 2020年1—6月: 较时序进度 −11.547 points is −11.5 on screen and in Excel alike', async () => {
    const { rows } = (await (await demo.request('/api/metrics?period=2020-06&level=city')).json()) as { rows: MetricRow[] };
    const xiangtan = rows.find((r) => r.code === '430300')!;
    expect(roundFraction(1200 * xiangtan.trainees - 600 * xiangtan.target, 12 * xiangtan.target, 3)).toBe('-11.547');
    const lag = RANKING_COLUMNS.find((c) => c.key === 'lag')!;
    expect(displayCell(lag, xiangtan)).toEqual({ text: '−11.5', cell: -11.5, numFmt: '+0.0;"−"0.0;0.0' });
  });

  test('prints on A4 landscape, every column on one page width, headers wrapped and repeated on each page', async () => {
    const { sheet } = await readWorkbook(await demo.request('/api/exports/rankings.xlsx?period=2020-06&level=county'));
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: '1:2' });
    expect(sheet.getRow(2).alignment).toMatchObject({ wrapText: true });
    // Each header fits its column on two lines: a Chinese character is two widths.
    sheet.getRow(2).eachCell((cell, column) => {
      const width = [...String(cell.value)].reduce((w, ch) => w + (/[\u2E80-\uFFEF]/.test(ch) ? 2 : 1), 0);
      expect(sheet.getColumn(column).width! * 2).toBeGreaterThanOrEqual(width);
    });
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

describe('GET /api/exports/alerts.xlsx', () => {
  /** A sheet's rows under its title and headers, up to the blank row before its note; and the note. */
  function rowsOf(sheet: ExcelJS.Worksheet) {
    const rows: unknown[][] = [];
    let n = 3;
    for (; (sheet.getRow(n).values as unknown[]).length > 0; n++) rows.push((sheet.getRow(n).values as unknown[]).slice(1));
    return { rows, note: (sheet.getRow(n + 1).values as unknown[])[1] };
  }

  test.each([
    ['period=2020-12', ['city', 'county'], null],
    ['period=2020-08&parent=430500', ['city', 'county'], '430500'],
    ['period=2020-08&level=county&parent=430500&severity=red', ['county'], '430500'],
    ['period=2020-06&level=city', ['city'], null],
  ] as const)('%s: the page’s three parts, each a sheet, as the API answers them for the same address', async (query, levels, parent) => {
    const response = await demo.request(`/api/exports/alerts.xlsx?${query}`);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await response.arrayBuffer());
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['约谈名单', '预警', '本月变化']);
    const [summonsSheet, alertSheet, moverSheet] = workbook.worksheets as [ExcelJS.Worksheet, ExcelJS.Worksheet, ExcelJS.Worksheet];
    const scope = new URLSearchParams(query);
    scope.delete('rule');
    scope.delete('severity');
    const summary = (await (await demo.request(`/api/alerts/summary?${scope}`)).json()) as AlertSummary;
    const { alerts } = (await (await demo.request(`/api/alerts?${query}`)).json()) as { alerts: Alert[] };
    const month = Number(summary.period.slice(5));

    // 约谈名单: each region, its sentence, and its rank in each month as /api/metrics ranks it
    const summons = rowsOf(summonsSheet).rows;
    expect(summons.map((r) => [r[1], r[3]])).toEqual(summary.summons.map((a) => [a.regionName, a.message]));
    for (const [i, alert] of summary.summons.entries()) {
      for (const m of [1, month]) {
        const { rows } = (await (await demo.request(`/api/metrics?period=2020-${String(m).padStart(2, '0')}&level=${alert.level}`)).json()) as { rows: MetricRow[] };
        expect(summons[i]![3 + m]).toBe(rows.find((r) => r.code === alert.regionCode)!.rank);
      }
    }
    expect((summonsSheet.getRow(2).values as unknown[]).slice(5)).toEqual(Array.from({ length: month }, (_, i) => `${i + 1}月名次`));

    // 预警: one row an alert, with the filters of the address, grouped by rule as the page groups them: the rules
    // in the order of their first alert, each group in the API's order
    const listed = rowsOf(alertSheet);
    const rules = [...new Set(alerts.map((a) => a.rule))];
    const grouped = rules.flatMap((rule) => alerts.filter((a) => a.rule === rule));
    expect(listed.rows.map((r) => [r[1], r[3], r[4], r[5]])).toEqual(grouped.map((a) => [a.regionName, RULE_LABELS[a.rule], a.severity === 'red' ? '红' : '黄', a.message]));
    expect(listed.note).toBe(`共 ${alerts.length} 条。由技能提升行动月调度平台导出。`);
    if (parent) expect(alerts.every((a) => a.regionCode === parent || a.parentCode === parent)).toBe(true);

    // 本月变化: the movers of the levels the page shows
    const movers = levels.flatMap((level) => MOVER_GROUPS.flatMap(([key, group]) => summary.movers[level][key].map((m) => [m.regionName, group, m.rank, m.message])));
    expect(rowsOf(moverSheet).rows.map((r) => [r[1], r[3], r[4], r[5]])).toEqual(movers);
  });

  test('a city’s counties: titled so, without the city’s own alerts', async () => {
    const response = await demo.request('/api/exports/alerts.xlsx?period=2020-08&level=county&parent=430500');
    expect(decodeURIComponent(response.headers.get('content-disposition')!)).toContain('2020年1—8月邵阳市所辖县市区预警.xlsx');
  });
});
