import type { BulletinChart } from '@dispatch/core';
import type { EChartsCoreOption } from 'echarts/core';

/** Ink of the printed document: dark blue ahead of the time line, red behind it (as the PDF draws them). */
const AHEAD = '#1f4e8c';
const BEHIND = '#c0392b';
/** px a bar's row takes, and the room above and below the bars */
const ROW = 22;
const FRAME = 48;

/** The chart's height for its bars: every region's name on its own row. */
export function bulletinChartHeight(chart: BulletinChart): number {
  return chart.labels.length * ROW + FRAME;
}

/**
 * The bulletin's completion chart in the preview: one bar per region, lying down so that the long official names
 * (湘西土家族苗族自治州) read in full on an A4 sheet and on a phone, each bar's value at its end, red where it is
 * behind the time line, the time line as a dashed line named at its top. The values are the document's, already
 * rounded once; the labels its texts (9.0%, as the table writes it, not 9%). Pure.
 */
export function buildBulletinChartOptions(chart: BulletinChart): EChartsCoreOption {
  const top = Math.max(chart.timeLine, ...chart.values);
  const axisMax = Math.ceil((top * 1.12) / 10) * 10;
  return {
    animation: false,
    textStyle: { fontFamily: 'serif' },
    grid: { left: 8, right: 40, top: 28, bottom: 8, containLabel: true },
    xAxis: { type: 'value', min: 0, max: axisMax, axisLabel: { formatter: '{value}%', fontSize: 11 }, splitLine: { lineStyle: { color: '#e3e3e3' } } },
    yAxis: { type: 'category', inverse: true, data: chart.labels, axisTick: { show: false }, axisLabel: { interval: 0, fontSize: 12, color: '#222' } },
    series: [
      {
        type: 'bar',
        barWidth: '60%',
        data: chart.values.map((value) => ({ value, itemStyle: { color: value < chart.timeLine ? BEHIND : AHEAD } })),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number }) => `${chart.valueTexts?.[p.dataIndex] ?? chart.values[p.dataIndex]}%`, fontSize: 11, color: '#222' },
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { type: 'dashed', color: '#333', width: 1 },
          label: { formatter: `时序进度${chart.timeLineText ?? chart.timeLine}%`, position: 'start', fontSize: 11, color: '#333' },
          data: [{ xAxis: chart.timeLine }],
        },
      },
    ],
  };
}
