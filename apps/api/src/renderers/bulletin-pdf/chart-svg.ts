import type { BulletinChart } from '@dispatch/core';
import { readRegionRegistry } from '@dispatch/db';
import { BarChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, GridComponent, MarkLineComponent, TitleComponent, SVGRenderer]);

const AHEAD = '#1f4e8c';
const BEHIND = '#c0392b';

/** A region's name on the chart's axis: its short name (湘西州, 长沙), so that 14 names fit side by side under the bars. */
const SHORT_NAMES = new Map(readRegionRegistry().map((region) => [region.name, region.shortName]));
export const axisLabel = (name: string): string => SHORT_NAMES.get(name) ?? name;

/** The SVGs drawn so far, by chart and size: a chart's data changes with the data version, not per download. */
const drawn = new Map<string, string>();
const DRAWN_SIZE = 64;

/**
 * The completion bars with the time line, drawn by ECharts on the server as SVG (no browser): a bar per region,
 * red where it is behind the time line, the time line as a dashed mark line, each region by its short name (the
 * official 湘西土家族苗族自治州 ran into its neighbours), each bar labelled with the display model's text (9.0, not 9), the
 * axis reaching above the time line. Sizes are PDF points; the Word copy has it as a picture.
 */
export function completionChartSvg(chart: BulletinChart, width: number, height: number): string {
  const key = JSON.stringify([chart, width, height]);
  let svg = drawn.get(key);
  if (svg === undefined) {
    if (drawn.size >= DRAWN_SIZE) drawn.clear();
    svg = drawChart(chart, width, height);
    drawn.set(key, svg);
  }
  return svg;
}

/**
 * The value axis's top: above the highest bar and the time line both, to the next 10 with room for the labels, so
 * that the dashed line is drawn when every region is behind it (2020-05: bars to 35, the line at 41.7).
 */
export function chartAxisMax(chart: BulletinChart): number {
  const top = Math.max(chart.timeLine, ...chart.values, 0);
  return Math.max(10, Math.ceil((top * 1.1) / 10) * 10);
}

/**
 * ECharts draws a label's white halo as a stroke under the fill (paint-order: stroke); svg-to-pdfkit ignores
 * paint-order and strokes over the fill, so the labels came out white on white. No halo: nothing overlaps them.
 */
const NO_HALO = { textBorderWidth: 0, textBorderColor: 'transparent' } as const;

/** A bar's label: the display model's text (9.0, as the table's 9.0%), else the number. */
export const barLabel = (chart: BulletinChart, index: number): string => chart.valueTexts?.[index] ?? String(chart.values[index]);

/** The time line's label: 时序进度41.7%. */
export const timeLineLabel = (chart: BulletinChart): string => `时序进度${chart.timeLineText ?? chart.timeLine}%`;

function drawChart(chart: BulletinChart, width: number, height: number): string {
  const instance = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    instance.setOption({
      animation: false,
      textStyle: { fontFamily: 'serif', fontSize: 9 },
      title: { text: chart.title, left: 'center', top: 0, textStyle: { fontSize: 11, fontWeight: 'normal' } },
      grid: { left: 30, right: 8, top: 26, bottom: 22 },
      xAxis: { type: 'category', data: chart.labels.map(axisLabel), axisLabel: { interval: 0, fontSize: 8.5 }, axisTick: { show: false } },
      yAxis: { type: 'value', min: 0, max: chartAxisMax(chart), axisLabel: { fontSize: 8, formatter: '{value}' }, splitLine: { lineStyle: { color: '#ddd' } } },
      series: [
        {
          type: 'bar',
          barWidth: '55%',
          data: chart.values.map((value) => ({ value, itemStyle: { color: value < chart.timeLine ? BEHIND : AHEAD } })),
          label: { show: true, position: 'top', fontSize: 7.5, ...NO_HALO, formatter: (p: { dataIndex: number }) => barLabel(chart, p.dataIndex) },
          markLine: {
            symbol: 'none',
            silent: true,
            lineStyle: { type: 'dashed', color: '#333', width: 1 },
            label: { formatter: timeLineLabel(chart), position: 'insideEndTop', fontSize: 8, ...NO_HALO },
            data: [{ yAxis: chart.timeLine }],
          },
        },
      ],
    });
    return instance.renderToSVGString();
  } finally {
    instance.dispose();
  }
}
