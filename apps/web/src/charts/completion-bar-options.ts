import type { EChartsCoreOption } from 'echarts/core';
import { formatPercent, grouped, lagLevel, percentNumber, shortRegionName, type MetricRow } from '@dispatch/core';
import { LAG_COLOURS } from './lag-colours.ts';

const MAX_LABELLED_BARS = 30;

const percent = (ratio: number | null) => (ratio === null ? 0 : percentNumber(ratio));

/** A step for the percentage axis that gives at most six labels, none crowding the top one. */
function axisStep(top: number): number {
  return [10, 20, 25, 50, 100].find((step) => Math.ceil(top / step) <= 6) ?? 200;
}

/**
 * Completion ratio per region as bars in rank order, coloured by distance to the time line, with the time line
 * itself as a marked line. Pure: the same rows always give the same option.
 */
export function buildCompletionBarOptions(rows: readonly MetricRow[], timeProgress: number): EChartsCoreOption {
  const names = rows.map((r) => shortRegionName(r.name, r.level));
  // The axis always reaches past the time line: early in the year every bar can sit below it.
  const top = Math.max(percent(timeProgress), ...rows.map((r) => percent(r.completionRatio))) * 1.08;
  const step = axisStep(top);
  const axisMax = Math.ceil(top / step) * step;
  return {
    animation: false,
    grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      valueFormatter: (value: number) => `${grouped(value, 1)}%`,
    },
    xAxis: {
      type: 'category',
      data: names,
      // Past 30 bars the names cannot be read side by side: the tooltip and the table name them instead.
      axisLabel: { show: rows.length <= MAX_LABELLED_BARS, interval: 0, rotate: rows.length > 8 ? 40 : 0, fontSize: 12 },
    },
    yAxis: { type: 'value', name: '完成比例', min: 0, max: axisMax, interval: step, axisLabel: { formatter: '{value}%' } },
    // The time line is named above the plot, where no bar can be under its words.
    graphic: [
      { type: 'text', right: 16, top: 6, style: { text: `- - 时序进度 ${formatPercent(timeProgress)}`, fill: '#c8372d', font: '12px sans-serif' } },
    ],
    series: [
      {
        type: 'bar',
        name: '完成比例',
        barMaxWidth: 28,
        data: rows.map((r, i) => ({ value: percent(r.completionRatio), name: names[i], itemStyle: { color: LAG_COLOURS[lagLevel(r.lag)] } })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#c8372d', type: 'dashed', width: 1.5 },
          label: { show: false },
          data: [{ yAxis: percent(timeProgress) }],
        },
      },
    ],
  };
}
