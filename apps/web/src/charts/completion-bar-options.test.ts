import type { MetricRow } from '@dispatch/core';
import { expect, test } from 'vitest';
import { buildCompletionBarOptions } from './completion-bar-options.ts';
import { LAG_COLOURS } from './lag-colours.ts';

function row(code: string, name: string, completionRatio: number | null, lag: number | null): MetricRow {
  return {
    code, name, level: 'city', parentCode: '430000', target: 0, fundsBudget: 0, classesOpened: 0, classesFinished: 0,
    trainees: 0, subsidised: 0, fundsAudited: 0, avgSubsidy: null, completionRatio, fundsRatio: null,
    timeProgress: 5 / 12, lag, rank: 1, rankChange: null,
    month: { classesOpened: 0, classesFinished: 0, trainees: 0, fundsAudited: 0 },
  };
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

test('names stay under the bars for the 14 cities but not for the 122 counties', () => {
  const many = Array.from({ length: 122 }, (_, i) => row(`43${String(1000 + i)}`, '某县', 0.5, 0));
  expect((buildCompletionBarOptions(rows, 0.5) as any).xAxis.axisLabel.show).toBe(true);
  expect((buildCompletionBarOptions(many, 0.5) as any).xAxis.axisLabel.show).toBe(false);
});
