import type { BulletinChart } from '@dispatch/core';
import { expect, test } from 'vitest';
import { buildBulletinChartOptions, bulletinChartHeight } from './bulletin-chart-options.ts';

const chart: BulletinChart = { kind: 'completion-bars', title: '各市州完成比例', labels: ['湘西土家族苗族自治州', '株洲市', '郴州市'], values: [45, 41.7, 9], timeLine: 41.7, valueTexts: ['45.0', '41.7', '9.0'], timeLineText: '41.7' };

interface Shown {
  xAxis: { max: number };
  yAxis: { data: string[] };
  series: { data: { value: number; itemStyle: { color: string } }[]; label: { formatter: (p: { dataIndex: number }) => string }; markLine: { data: { xAxis: number }[]; label: { formatter: string } } }[];
}
const shown = () => buildBulletinChartOptions(chart) as unknown as Shown;

test('every region is named in full, in the document order', () => {
  expect(shown().yAxis.data).toEqual(chart.labels);
});

test('bars on or past the time line are blue, below it red; the line is drawn and named at the document value', () => {
  const [series] = shown().series;
  expect(series!.data.map((d) => d.itemStyle.color)).toEqual(['#1f4e8c', '#1f4e8c', '#c0392b']);
  expect(series!.markLine.data).toEqual([{ xAxis: 41.7 }]);
  expect(series!.markLine.label.formatter).toBe('时序进度41.7%');
});

test('each bar is labelled with the document’s text, as the table writes it (9.0%, not 9%)', () => {
  const [series] = shown().series;
  expect([0, 1, 2].map((dataIndex) => series!.label.formatter({ dataIndex }))).toEqual(['45.0%', '41.7%', '9.0%']);
});

test.each([
  [[9, 10], 41.7, 50],
  [[95], 41.7, 110],
])('the axis reaches past the longest bar and the line (%o, line %d → %d)', (values, timeLine, max) => {
  expect((buildBulletinChartOptions({ ...chart, labels: values.map(String), values, timeLine }) as unknown as Shown).xAxis.max).toBe(max);
});

test('the chart grows with its regions, a row each', () => {
  expect(bulletinChartHeight(chart)).toBe(3 * 22 + 48);
});
