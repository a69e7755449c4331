import type { EChartsCoreOption } from 'echarts/core';
import { grouped, peopleAxisUnit, percentNumber, roundHalfAway, type SeriesPoint } from '@dispatch/core';

const monthOf = (period: string) => `${Number(period.slice(5))}月`;
const percentOrNull = (ratio: number | null) => (ratio === null ? null : percentNumber(ratio));
const percentText = (value: number | null) => (value === null ? '—' : `${grouped(value, 1)}%`);

/**
 * A region's year: trainees finishing each month as bars (in 万人次 for a city or the province, 人次 for a
 * county whose months are a few thousand), and the cumulative completion ratio against the elapsed-time line
 * (M/12) as two lines — the gap between them is the lag.
 */
export function buildTrendOptions(points: readonly SeriesPoint[]): EChartsCoreOption {
  const people = peopleAxisUnit(Math.max(0, ...points.map((p) => p.month.trainees)));
  const monthly = '当月培训人次';
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 52, bottom: 8, containLabel: true }, // room for the legend above the axis names
    legend: { top: 0, data: [monthly, '完成比例', '时序进度'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => monthOf(p.period)) },
    yAxis: [
      { type: 'value', name: '比例', axisLabel: { formatter: '{value}%' }, min: 0 },
      { type: 'value', name: people.unit, splitLine: { show: false }, min: 0, minInterval: people.divisor === 1 ? 1 : undefined },
    ],
    series: [
      {
        name: monthly,
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: '#b8cde4' },
        barMaxWidth: 40,
        data: points.map((p) => roundHalfAway(p.month.trainees / people.divisor, people.places)),
        tooltip: { valueFormatter: (v: number) => `${grouped(v, people.places)} ${people.unit}` },
      },
      {
        name: '完成比例',
        type: 'line',
        itemStyle: { color: '#2f6fb3' },
        data: points.map((p) => percentOrNull(p.completionRatio)),
        tooltip: { valueFormatter: percentText },
      },
      {
        name: '时序进度',
        type: 'line',
        symbol: points.length > 1 ? 'none' : 'circle', // a single month is a point, or nothing would show
        lineStyle: { type: 'dashed', color: '#c8372d' },
        itemStyle: { color: '#c8372d' },
        data: points.map((p) => percentNumber(p.timeProgress)),
        tooltip: { valueFormatter: percentText },
      },
    ],
  };
}

/**
 * Rank month by month, 1 at the top, each point labelled with its place. No two words overlap at any width:
 * the axis's name stands left of the axis line, where no point's label can reach; a place label or a point label
 * that would touch another is left out (ECharts' hideOverlap) — the tooltip still names every month's place.
 */
export function buildRankHistoryOptions(points: readonly Pick<SeriesPoint, 'period' | 'rank'>[], peers: number): EChartsCoreOption {
  // Every place for the 14 cities where there is room; for more peers, about seven labels.
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `第 ${v} 名` },
    xAxis: { type: 'category', data: points.map((p) => monthOf(p.period)), axisLabel: { hideOverlap: true } },
    yAxis: {
      type: 'value', inverse: true, min: 1, max: peers, interval: peers <= 14 ? 1 : Math.ceil(peers / 7),
      name: '名次', nameLocation: 'start', nameTextStyle: { align: 'right' }, axisLabel: { hideOverlap: true },
    },
    series: [
      {
        name: '名次', type: 'line', itemStyle: { color: '#2f6fb3' }, data: points.map((p) => p.rank),
        label: { show: true }, labelLayout: { hideOverlap: true },
      },
    ],
  };
}
