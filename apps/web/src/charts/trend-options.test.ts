import type { SeriesPoint } from '@dispatch/core';
import { expect, test } from 'vitest';
import { buildRankHistoryOptions, buildTrendOptions } from './trend-options.ts';

const point = (month: number, completionRatio: number, trainees: number, rank: number) =>
  ({
    period: `2020-${String(month).padStart(2, '0')}`, completionRatio, timeProgress: month / 12, rank,
    month: { trainees, classesOpened: 0, classesFinished: 0, fundsAudited: 0 },
  }) as unknown as SeriesPoint;

const points = [point(1, 0.03, 30_000, 3), point(2, 0.045, 15_000, 2)];

test('months on the axis; completion and the time line in percent; monthly trainees in 万', () => {
  const option = buildTrendOptions(points) as any;
  expect(option.xAxis.data).toEqual(['1月', '2月']);
  expect(option.yAxis[1].name).toBe('万人次');
  expect(option.series[0].data).toEqual([3, 1.5]);
  expect(option.series[1].data).toEqual([3, 4.5]);
  expect(option.series[2].data).toEqual([8.3, 16.7]);
});

test('a county whose months are a few thousand people reads in 人次, not 0–0.3 万人次', () => {
  const option = buildTrendOptions([point(1, 0.03, 850, 40), point(2, 0.05, 2_430, 31)]) as any;
  expect(option.yAxis[1].name).toBe('人次');
  expect(option.series[0].data).toEqual([850, 2_430]);
  expect(option.series[0].tooltip.valueFormatter(2_430)).toBe('2,430 人次');
});

test('rank history runs from 1 at the top to the number of peers', () => {
  const option = buildRankHistoryOptions(points, 14) as any;
  expect(option.yAxis).toMatchObject({ inverse: true, min: 1, max: 14 });
  expect(option.series[0].data).toEqual([3, 2]);
});

test('rank history keeps its words apart: the axis name left of the axis line, touching labels left out', () => {
  const option = buildRankHistoryOptions(points, 14) as any;
  expect(option.yAxis).toMatchObject({ name: '名次', nameLocation: 'start', nameTextStyle: { align: 'right' }, axisLabel: { hideOverlap: true } });
  expect(option.xAxis.axisLabel.hideOverlap).toBe(true);
  expect(option.series[0]).toMatchObject({ label: { show: true }, labelLayout: { hideOverlap: true } });
});
