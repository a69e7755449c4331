import type { MetricRow } from '@dispatch/core';
import { metricRow } from '@dispatch/core/testing';
import { expect, test } from 'vitest';
import { buildMapOptions, describeRegion, findMapMetric } from './map-options.ts';

const row = (code: string, completionRatio: number | null, lag: number | null, trainees: number): MetricRow =>
  metricRow({ code, name: `${code}县`, level: 'county', parentCode: '430100', classesOpened: 3, trainees, fundsAudited: 12_345_600, avgSubsidy: 1359, completionRatio, fundsRatio: 0.5, timeProgress: 0.5, lag });
const rows = [row('430102', 0.62, 0.12, 50_000), row('430103', 0.3, -0.2, 20_000), row('430104', null, null, 0)];

test('every region is one data item keyed by code; a region without a value gets none', () => {
  const option = buildMapOptions('hunan', rows, 'completionRatio') as any;
  expect(option.series[0].data).toEqual([
    { name: '430102', value: 62 },
    { name: '430103', value: 30 },
    { name: '430104', value: undefined },
  ]);
  expect(option.geo.nameProperty).toBe('code');
  expect([option.visualMap.min, option.visualMap.max]).toEqual([30, 62]);
});

test('the lag scale is centred on the time line', () => {
  const option = buildMapOptions('hunan', rows, 'lag') as any;
  expect([option.visualMap.min, option.visualMap.max]).toEqual([-20, 20]);
  expect(option.visualMap.text).toEqual(['超前', '落后']);
});

test('city borders are drawn as polylines on the map', () => {
  const borders = [[[112, 28], [112.5, 28.2]]];
  const option = buildMapOptions('hunan', rows, 'trainees', borders) as any;
  expect(option.series[1]).toMatchObject({ type: 'lines', coordinateSystem: 'geo', polyline: true, data: [{ coords: borders[0] }] });
  expect(option.series[0].data[0].value).toBe(5);
});

test('an unknown metric falls back to the completion ratio', () => {
  expect(findMapMetric('nonsense').key).toBe('completionRatio');
});

test('the tooltip names the county and its key numbers', () => {
  expect(describeRegion(rows[1]!)).toContain('完成比例 30.0%（较时序 −20.0）');
  expect(describeRegion(rows[1]!)).toContain('资金审核 1,234.56 万元');
});
