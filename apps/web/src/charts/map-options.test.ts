import type { MetricRow } from '@dispatch/core';
import { metricRow } from '@dispatch/core/testing';
import { expect, test } from 'vitest';
import { buildMapOptions, describeRegion, findMapMetric, MAP_METRICS, TAP_AGAIN } from './map-options.ts';

const row = (code: string, completionRatio: number | null, lag: number | null, trainees: number): MetricRow =>
  metricRow({ code, name: `${code}县`, level: 'county', parentCode: '430100', classesOpened: 3, trainees, fundsAudited: 12_345_600, avgSubsidy: 1359, completionRatio, fundsRatio: 0.5, timeProgress: 0.5, lag });
const rows = [row('430102', 0.62, 0.12, 50_000), row('430103', 0.3, -0.2, 20_000), row('430104', null, null, 0), row('430105', 0.45, -0.05, 30_000)];

test('the map opens on the lag against the time line; an unknown metric falls back to it', () => {
  expect(MAP_METRICS[0]!.key).toBe('lag');
  expect(findMapMetric(null).key).toBe('lag');
  expect(findMapMetric('nonsense').key).toBe('lag');
});

test('against the time line every region is one item keyed by code: its shown value and its band', () => {
  const option = buildMapOptions('hunan', rows, 'lag') as any;
  expect(option.series[0].data).toEqual([
    { name: '430102', value: [12, 3] },
    { name: '430103', value: [-20, 0] },
    { name: '430104', value: [null, 9] },
    { name: '430105', value: [-5, 1] },
  ]);
  expect(option.geo.nameProperty).toBe('code');
  expect(option.visualMap).toMatchObject({ type: 'piecewise', dimension: 1 });
  expect(option.visualMap.pieces.map((p: any) => p.value)).toEqual([0, 1, 2, 3, 9]);
});

test('the completion ratio map is coloured in the same bands, with its limits in %', () => {
  const option = buildMapOptions('hunan', rows, 'completionRatio') as any;
  expect(option.series[0].data.map((d: any) => d.value)).toEqual([[62, 2], [30, 0], [null, 9], [45, 1]]);
  expect(option.visualMap.pieces.map((p: any) => p.label)).toEqual(['落后 10 个百分点及以上（≤ 40.0%）', '落后 0～10 个百分点（40.0%～50.0%）', '达到时序进度（≥ 50.0%）', '无目标任务']);
});

test('other metrics run low to high, the legend in their unit', () => {
  const option = buildMapOptions('hunan', rows, 'trainees') as any;
  expect(option.visualMap).toMatchObject({ type: 'continuous', min: 0, max: 5 });
  expect(option.series[0].data[0]).toEqual({ name: '430102', value: 5 });
  expect(option.visualMap.formatter(1.234)).toBe('1.23 万人次');
  expect(buildMapOptions('hunan', rows, 'fundsRatio') as any).toMatchObject({ visualMap: { min: 50, max: 50 } });
  expect((buildMapOptions('hunan', rows, 'fundsRatio') as any).visualMap.formatter(50)).toBe('50.0%');
});

test.each(MAP_METRICS.map((m) => m.key))('%s: the legend sits under the map, in room the map leaves free', (key) => {
  const option = buildMapOptions('hunan', rows, key) as any;
  const { visualMap, geo } = option;
  expect(visualMap).toMatchObject({ orient: 'horizontal', bottom: 8, padding: 0 });
  expect(geo).toMatchObject({ top: 8, left: 8, right: 8, preserveAspect: 'contain' });
  // a row of swatches; or a bar (as thick as itemWidth) with the handles' values, one line of text, above it
  const height = visualMap.type === 'piecewise' ? visualMap.itemHeight : visualMap.itemWidth + 16;
  expect(geo.bottom).toBeGreaterThanOrEqual(visualMap.bottom + height + 8);
});

test('on a narrow chart the bands stack at the bottom left, and the map leaves room for all of them', () => {
  const option = buildMapOptions('hunan', rows, 'lag') as any;
  const [wide, narrow] = option.media;
  expect(wide).toEqual({ option: { visualMap: expect.objectContaining({ orient: 'horizontal' }), geo: { bottom: option.geo.bottom } } }); // grown wide again
  expect(narrow.query).toEqual({ maxWidth: 720 });
  expect(narrow.option.visualMap).toMatchObject({ orient: 'vertical', inverse: true });
  const stacked = 5 * 14 + 4 * narrow.option.visualMap.itemGap; // five bands, the last for no target
  expect(narrow.option.geo.bottom).toBeGreaterThanOrEqual(option.visualMap.bottom + stacked + 8);
});

test('city borders are drawn as polylines on the map', () => {
  const borders = [[[112, 28], [112.5, 28.2]]];
  const option = buildMapOptions('hunan', rows, 'trainees', { borders }) as any;
  expect(option.series[1]).toMatchObject({ type: 'lines', coordinateSystem: 'geo', polyline: true, data: [{ coords: borders[0] }] });
});

test('the tooltip names the county and its key numbers', () => {
  expect(describeRegion(rows[1]!)).toContain('完成比例 30.0%（较时序 −20.0）');
  expect(describeRegion(rows[1]!)).toContain('资金审核 1,234.56 万元');
});

test('the tooltip says the county’s alerts, each rule with its sentence', () => {
  const alert = { regionCode: '430103', regionName: '430103县', level: 'county', parentCode: '430100', period: '2020-06', rule: 'behind-time', severity: 'red', message: '落后时序进度 20.0 个百分点', facts: {} } as const;
  expect(describeRegion(rows[1]!, [alert])).toContain('落后时序进度：落后时序进度 20.0 个百分点');
});

test('the tooltip stays inside the chart and wraps long sentences', () => {
  const { tooltip } = buildMapOptions('hunan', rows, 'lag') as any;
  expect(tooltip).toMatchObject({ trigger: 'item', confine: true });
  expect(tooltip.extraCssText).toContain('white-space: normal');
  expect(tooltip.extraCssText).toMatch(/max-width: /);
});

test('on a touch screen the tooltip ends by saying that a second tap opens the county; with a mouse it does not', () => {
  const tip = (touch: boolean) => (buildMapOptions('hunan', rows, 'lag', { touch }) as any).tooltip.formatter({ name: '430103' }) as string;
  expect(tip(true).endsWith(`${TAP_AGAIN}</span>`)).toBe(true);
  expect(tip(false)).not.toContain(TAP_AGAIN);
  expect(tip(false)).toBe(describeRegion(rows[1]!));
});

test('a county whose month has not arrived is left grey (no value), out of the legend’s range, its tooltip saying 未报送', () => {
  const arrivals = new Map([['430103', { state: 'missing' as const }]]);
  const option = buildMapOptions('hunan', rows, 'trainees', { arrivals }) as any;
  expect(option.series[0].data.find((d: any) => d.name === '430103').value).toBeUndefined();
  expect(option.tooltip.formatter({ name: '430103' })).toBe('<b>430103县</b>（未报送）<br>本月数据未报送，不代表进展为零');
  expect(option.tooltip.formatter({ name: '430102' })).toContain('（第 1 名）');
  expect((buildMapOptions('hunan', rows, 'lag', { arrivals }) as any).series[0].data[1]).toEqual({ name: '430103', value: undefined });
});
