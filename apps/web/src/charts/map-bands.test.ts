import type { MetricRow } from '@dispatch/core';
import { metricRow } from '@dispatch/core/testing';
import { expect, test } from 'vitest';
import { LAG_COLOURS } from './lag-colours.ts';
import { completionScale, lagScale } from './map-bands.ts';

const timeProgress = 8 / 12;
const row = (lag: number | null): MetricRow =>
  metricRow({ code: '430102', name: '某县', level: 'county', parentCode: '430100', target: 1000, completionRatio: lag === null ? null : timeProgress + lag, timeProgress, lag });

test.each([
  // lag, band of the lag map, band of the completion map — judged on the lag as shown (one decimal of a point)
  [-0.3, 0, 0],
  [-0.09996, 0, 0], // shown −10.0: 10 points behind, as the number says
  [-0.0995, 0, 0], // −9.95 rounds half away to −10.0
  [-0.0994, 1, 1],
  [-0.0005, 1, 1], // −0.05 shows −0.1
  [-0.0004, 2, 2], // −0.04 shows 0.0: not behind
  [0, 2, 2],
  [0.0994, 2, 2],
  [0.0995, 3, 2], // +9.95 shows +10.0
  [0.09996, 3, 2], // shown +10.0: a step ahead
  [0.4, 3, 2],
  [null, 9, 9],
])('a lag of %d is in band %i of the lag map and %i of the completion map', (lag, lagBand, completionBand) => {
  expect(lagScale([]).bandOf(row(lag))).toBe(lagBand);
  expect(completionScale([], timeProgress).bandOf(row(lag))).toBe(completionBand);
});

test('the lag map diverges from the time line, worst first, its bands named as distances in 百分点', () => {
  expect(lagScale([row(0.1)]).bands).toEqual([
    { value: 0, label: '落后 10 个百分点及以上', color: LAG_COLOURS['far-behind'] },
    { value: 1, label: '落后 0～10 个百分点', color: LAG_COLOURS.behind },
    { value: 2, label: '领先 0～10 个百分点', color: expect.any(String) },
    { value: 3, label: '领先 10 个百分点及以上', color: LAG_COLOURS.ahead },
  ]);
});

test('the completion map names its limits in % around the time line', () => {
  expect(completionScale([row(0.1)], timeProgress).bands.map((b) => b.label)).toEqual([
    '落后 10 个百分点及以上（≤ 56.7%）',
    '落后 0～10 个百分点（56.7%～66.7%）',
    '达到时序进度（≥ 66.7%）',
  ]);
});

test('in January no region can be 10 points behind an 8.3% time line: the completion map leaves that band out', () => {
  expect(completionScale([row(0)], 1 / 12).bands.map((b) => b.label)).toEqual(['落后于时序进度（< 8.3%）', '达到时序进度（≥ 8.3%）']);
});

test('no band uses the words of an alert’s severity: the map measures distance, the alerts judge', () => {
  const labels = [...lagScale([row(null)]).bands, ...completionScale([row(null)], timeProgress).bands, ...completionScale([], 1 / 12).bands].map((b) => b.label);
  expect(labels.filter((label) => /严重|超前|^落后（|预警/.test(label))).toEqual([]);
});

test('a band for regions without a target only when there is one', () => {
  expect(lagScale([row(0), row(null)]).bands.at(-1)).toEqual({ value: 9, label: '无目标任务', color: LAG_COLOURS.none });
  expect(completionScale([row(null)], timeProgress).bands.at(-1)?.label).toBe('无目标任务');
  expect(lagScale([row(0)]).bands.some((b) => b.label === '无目标任务')).toBe(false);
});

test('a city whose every county is 30 points behind shows them all in the farthest band, none in a colour of the good side', () => {
  const rows = [-0.3, -0.31, -0.29].map(row);
  for (const scale of [lagScale(rows), completionScale(rows, timeProgress)]) {
    expect(rows.map((r) => scale.bands.find((b) => b.value === scale.bandOf(r))!.color)).toEqual(Array(3).fill(LAG_COLOURS['far-behind']));
  }
});
