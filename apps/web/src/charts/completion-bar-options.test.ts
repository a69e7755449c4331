import type { MetricRow } from '@dispatch/core';
import { metricRow } from '@dispatch/core/testing';
import { expect, test } from 'vitest';
import { buildCompletionBarOptions, missingNote, reportedRows } from './completion-bar-options.ts';
import { LAG_COLOURS } from './lag-colours.ts';

function row(code: string, name: string, completionRatio: number | null, lag: number | null): MetricRow {
  return metricRow({ code, name, completionRatio, lag });
}

const rows = [
  row('430100', '长沙市', 0.5, 0.0833),
  row('433100', '湘西土家族苗族自治州', 0.35, -0.0667),
  row('430800', '张家界市', 0.2, -0.2167),
  row('430900', '益阳市', null, null),
];

test('bars are in the rows’ order, with short names and percentages', () => {
  const option = buildCompletionBarOptions(rows, 5 / 12) as any;
  expect(option.xAxis.data).toEqual(['长沙', '湘西州', '张家界', '益阳']);
  expect(option.series[0].data.map((d: any) => d.value)).toEqual([50, 35, 20, 0]);
});

test('bars are coloured by their distance to the time line', () => {
  const option = buildCompletionBarOptions(rows, 5 / 12) as any;
  expect(option.series[0].data.map((d: any) => d.itemStyle.color)).toEqual([
    LAG_COLOURS.ahead,
    LAG_COLOURS.behind,
    LAG_COLOURS['far-behind'],
    LAG_COLOURS.none,
  ]);
});

test('the time line is marked at M/12 and labelled', () => {
  const option = buildCompletionBarOptions(rows, 5 / 12) as any;
  expect(option.series[0].markLine.data).toEqual([{ yAxis: 41.7 }]);
  // named above the plot, where no bar can sit under the words
  expect(option.graphic[0].style.text).toBe('- - 时序进度 41.7%');
  expect(option.series[0].markLine.label.show).toBe(false);
});

test.each([
  // every bar below the line (May 2020): the axis still shows the line at 41.7%
  [[0.3, 0.09], 5 / 12, 50],
  // bars far above the line (December): the axis covers the tallest bar
  [[1.386, 0.876], 1, 150],
])('with bars %j and the time line at %d the axis runs to %i%%', (ratios, progress, expected) => {
  const option = buildCompletionBarOptions(ratios.map((r, i) => row(`43010${i}`, '长沙市', r, r - progress)), progress) as any;
  expect(option.yAxis.max).toBe(expected);
  expect(option.yAxis.max % option.yAxis.interval).toBe(0); // the top label sits on a step: no two labels crowd
  expect(option.yAxis.max / option.yAxis.interval).toBeLessThanOrEqual(6);
  expect(option.yAxis.max).toBeGreaterThan(option.series[0].markLine.data[0].yAxis);
});

const counties = Array.from({ length: 122 }, (_, i) =>
  ({ ...row(`43${String(1001 + i)}`, `县${i + 1}`, 0.9 - i * 0.005, 0.2 - i * 0.005), level: 'county' as const, rank: i + 1 }));

test('of the 122 counties the first and the last ten by rank are drawn, named, with a gap between', () => {
  const shuffled = [...counties].reverse(); // the chart orders by rank, whatever order the rows come in
  const option = buildCompletionBarOptions(shuffled, 8 / 12) as any;
  const names = option.xAxis.data;
  expect(names).toHaveLength(21);
  expect(names.slice(0, 10)).toEqual(counties.slice(0, 10).map((c) => c.name));
  expect(names[10]).toBe('…');
  expect(names.slice(11)).toEqual(counties.slice(-10).map((c) => c.name));
  expect(option.series[0].data[10]).toEqual({ value: null, name: '…' });
  expect(option.series[0].data[11].value).toBe(34); // rank 113: 0.9 − 112 × 0.005
  expect(option.xAxis.axisLabel).toMatchObject({ interval: 0 }); // every name shown
});

test('a long ranking says in the chart what it shows, on its own line above the axis name', () => {
  const option = buildCompletionBarOptions(counties, 8 / 12) as any;
  expect(option.graphic.map((g: any) => g.style.text)).toEqual(['- - 时序进度 66.7%', '前 10 名与后 10 名（共 122 个）']);
  expect(option.graphic[1]).toMatchObject({ left: 8, top: 6 });
  expect(option.graphic[0]).toMatchObject({ right: 16, top: 6 });
  expect(option.grid.top).toBeGreaterThan((buildCompletionBarOptions(rows, 0.5) as any).grid.top);
  expect(option.tooltip.formatter([{ dataIndex: 10 }])).toBe('第 11—112 名（102 个）未画出，见排名表');
  expect(option.tooltip.formatter([{ dataIndex: 0 }])).toBe('县1（第 1 名）<br>完成比例 90.0%');
});

test('a ranking of 30 or fewer draws every region and adds no note', () => {
  const option = buildCompletionBarOptions(counties.slice(0, 30), 8 / 12) as any;
  expect(option.xAxis.data).toHaveLength(30);
  expect(option.graphic).toHaveLength(1);
});

test('names lie side by side where the chart is wide enough for them, else upright, a character a line', () => {
  const cities = buildCompletionBarOptions(rows, 0.5) as any; // 4 names, the longest 3 characters
  const [wide, narrow] = cities.media;
  expect(narrow.query).toEqual({ maxWidth: 4 * (3 * 12 + 10) + 64 });
  expect(narrow.option.xAxis.axisLabel.formatter('张家界')).toBe('张\n家\n界');
  expect(narrow.option.xAxis.axisLabel.formatter('…')).toBe('⋮');
  expect(wide.query).toBeUndefined(); // what a chart grown wide again goes back to
  expect(wide.option.xAxis.axisLabel.formatter('张家界')).toBe('张家界');
  expect(cities.xAxis.axisLabel.rotate).toBe(0);
});

test.each([
  ['no marks (the demo year): every region drawn', new Map(), ['长沙', '湘西州', '张家界', '益阳'], null],
  ['a region 未报送 is left out, said under the chart', new Map([['430800', { state: 'missing' as const }]]), ['长沙', '湘西州', '益阳'], '另有1个未报送，未列入'],
  ['a city partly arrived keeps its bar', new Map([['430100', { state: 'partial' as const, arrived: 1, of: 9 }], ['433100', { state: 'missing' as const }], ['430900', { state: 'missing' as const }]]), ['长沙', '张家界'], '另有2个未报送，未列入'],
])('%s', (_, marks, names, words) => {
  const option = buildCompletionBarOptions(rows, 5 / 12, marks) as any;
  expect(option.xAxis.data).toEqual(names);
  expect(option.series[0].data.map((d: any) => d.name)).toEqual(names);
  expect(missingNote(reportedRows(rows, marks).missing)).toBe(words);
});

test('a long ranking whose last counties have not arrived draws the ends of those that have', () => {
  const marks = new Map(counties.slice(-40).map((c) => [c.code, { state: 'missing' as const }]));
  const option = buildCompletionBarOptions(counties, 8 / 12, marks) as any;
  expect(option.xAxis.data.slice(-10)).toEqual(counties.slice(72, 82).map((c) => c.name));
  expect(option.graphic[1].style.text).toBe('前 10 名与后 10 名（共 82 个）');
  expect(option.tooltip.formatter([{ dataIndex: 10 }])).toBe('第 11—72 名（62 个）未画出，见排名表');
});
