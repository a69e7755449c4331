import type { EChartsCoreOption } from 'echarts/core';
import type { SeriesPoint as Point } from '@dispatch/core';

const pct = (ratio: number | null) => (ratio === null ? null : Math.round(ratio * 1000) / 10);
const monthOf = (period: string) => `${Number(period.slice(5))}月`;

/**
 * A region's year: trainees finishing each month as bars (万人次), and the cumulative completion ratio against
 * the elapsed-time line (M/12) as two lines — the gap between them is the lag.
 */
export function buildTrendOptions(points: readonly Point[]): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, data: ['当月培训人次', '完成比例', '时序进度'] },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category', data: points.map((p) => monthOf(p.period)) },
    yAxis: [
      { type: 'value', name: '比例', axisLabel: { formatter: '{value}%' }, min: 0 },
      { type: 'value', name: '万人次', splitLine: { show: false }, min: 0 },
    ],
    series: [
      {
        name: '当月培训人次',
        type: 'bar',
        yAxisIndex: 1,
        itemStyle: { color: '#b8cde4' },
        data: points.map((p) => Math.round(p.month.trainees / 100) / 100),
        tooltip: { valueFormatter: (v: number) => `${v.toFixed(2)} 万人次` },
      },
      {
        name: '完成比例',
        type: 'line',
        itemStyle: { color: '#2f6fb3' },
        data: points.map((p) => pct(p.completionRatio)),
        tooltip: { valueFormatter: (v: number | null) => (v === null ? '—' : `${v.toFixed(1)}%`) },
      },
      {
        name: '时序进度',
        type: 'line',
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#c8372d' },
        itemStyle: { color: '#c8372d' },
        data: points.map((p) => pct(p.timeProgress)),
        tooltip: { valueFormatter: (v: number) => `${v.toFixed(1)}%` },
      },
    ],
  };
}

/** Rank month by month, 1 at the top. */
export function buildRankHistoryOptions(points: readonly Point[], peers: number): EChartsCoreOption {
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 16, bottom: 8, containLabel: true },
    tooltip: { trigger: 'axis', valueFormatter: (v: number) => `第 ${v} 名` },
    xAxis: { type: 'category', data: points.map((p) => monthOf(p.period)) },
    yAxis: { type: 'value', inverse: true, min: 1, max: peers, interval: Math.max(1, Math.ceil(peers / 7)), name: '名次' },
    series: [{ name: '名次', type: 'line', step: false, itemStyle: { color: '#2f6fb3' }, data: points.map((p) => p.rank), label: { show: true } }],
  };
}
