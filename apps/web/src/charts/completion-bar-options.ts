import type { EChartsCoreOption } from 'echarts/core';
import { formatPercent, lagLevel, percentNumber, shortRegionName, type MetricRow } from '@dispatch/core';
import type { ArrivalMark } from '../arrival-marks.ts';
import { LAG_COLOURS } from './lag-colours.ts';

/** More bars than this cannot be named side by side: a long ranking shows its two ends. */
const MAX_NAMED_BARS = 30;
/** How many regions at each end of a long ranking are drawn. */
const ENDS = 10;
const GAP = '…';
/** Room a name needs on the axis: its characters at 12 px and a gap (px). */
const CHAR = 12;
const LABEL_GAP = 10;
/** The value axis, the grid's margins: what the chart's width spends besides the bars' names (px). */
const AXIS_ROOM = 64;

const percent = (ratio: number | null) => (ratio === null ? 0 : percentNumber(ratio));

/** A step for the percentage axis that gives at most six labels, none crowding the top one. */
function axisStep(top: number): number {
  return [10, 20, 25, 50, 100].find((step) => Math.ceil(top / step) <= 6) ?? 200;
}

/**
 * The bars a chart can name, in rank order: all of a short ranking; of a long one (the 122 counties) the first
 * and the last ten, with a gap (null) between them.
 */
export function readableBars(rows: readonly MetricRow[]): { bars: (MetricRow | null)[]; left: number } {
  const ranked = [...rows].sort((a, b) => a.rank - b.rank);
  if (ranked.length <= MAX_NAMED_BARS) return { bars: ranked, left: 0 };
  return { bars: [...ranked.slice(0, ENDS), null, ...ranked.slice(-ENDS)], left: ranked.length - 2 * ENDS };
}

/**
 * The rows a completion chart draws: a region whose month has not arrived at all (marked `missing`) is left out, as
 * its 0% would read as no progress; a city partly arrived keeps its bar (its figures are those that arrived).
 */
export function reportedRows(rows: readonly MetricRow[], arrivals: ReadonlyMap<string, ArrivalMark>): { drawn: MetricRow[]; missing: number } {
  const drawn = rows.filter((r) => arrivals.get(r.code)?.state !== 'missing');
  return { drawn, missing: rows.length - drawn.length };
}

/** The words under a chart that left regions out: how many, and that they are not in it. */
export function missingNote(missing: number): string | null {
  return missing ? `另有${missing}个未报送，未列入` : null;
}

/** A name's characters one under another: on a narrow chart the names stand upright, each in its bar's width. */
const upright = (name: string) => (name === GAP ? '⋮' : [...name].join('\n'));

/**
 * Completion ratio per region as bars in rank order, coloured by distance to the time line, with the time line
 * itself as a marked line. Every bar is named; a long ranking shows its first and last ten and says so. Names
 * lie side by side where the chart is wide enough for them, else upright (an ECharts media query, applied again
 * at each resize), so that no two overlap. A region whose month has not arrived (`arrivals`) has no bar: the page
 * says under the chart how many (missingNote). Pure: the same rows and marks always give the same option.
 */
export function buildCompletionBarOptions(
  all: readonly MetricRow[],
  timeProgress: number,
  arrivals: ReadonlyMap<string, ArrivalMark> = new Map(),
): EChartsCoreOption {
  const rows = reportedRows(all, arrivals).drawn;
  const { bars, left } = readableBars(rows);
  const names = bars.map((r) => (r ? shortRegionName(r.name, r.level) : GAP));
  // The axis always reaches past the time line: early in the year every bar can sit below it.
  const top = Math.max(percent(timeProgress), ...rows.map((r) => percent(r.completionRatio))) * 1.08;
  const step = axisStep(top);
  const axisMax = Math.ceil(top / step) * step;
  const longest = Math.max(1, ...names.map((n) => [...n].length));
  const sideBySide = names.length * (longest * CHAR + LABEL_GAP) + AXIS_ROOM;
  const note = (text: string, fill: string) => ({ type: 'text', top: 6, style: { text, fill, font: '12px sans-serif' } });
  const notes = [
    // The time line is named above the plot, where no bar can be under its words.
    { ...note(`- - 时序进度 ${formatPercent(timeProgress)}`, '#c8372d'), right: 16 },
    ...(left ? [{ ...note(`前 ${ENDS} 名与后 ${ENDS} 名（共 ${rows.length} 个）`, '#6b7683'), left: 8 }] : []),
  ];
  return {
    animation: false,
    // A long ranking's note takes the first line, the value axis's name the second.
    grid: { left: 8, right: 16, top: left ? 52 : 32, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      axisPointer: { type: 'shadow' },
      formatter: (params: { dataIndex: number }[]) => {
        const index = params[0]?.dataIndex ?? -1;
        const row = bars[index];
        if (row) return `${row.name}（第 ${row.rank} 名）<br>完成比例 ${formatPercent(row.completionRatio)}`;
        // the ranks of the bars either side of the gap: a region left out (未报送) may sit among those not drawn
        const [before, after] = [bars[ENDS - 1], bars[ENDS + 1]];
        return index === ENDS && before && after ? `第 ${before.rank + 1}—${after.rank - 1} 名（${left} 个）未画出，见排名表` : '';
      },
    },
    xAxis: { type: 'category', data: names, axisLabel: { interval: 0, rotate: 0, fontSize: CHAR, lineHeight: CHAR + 1 } },
    yAxis: { type: 'value', name: '完成比例', min: 0, max: axisMax, interval: step, axisLabel: { formatter: '{value}%' } },
    graphic: notes,
    series: [
      {
        type: 'bar',
        name: '完成比例',
        barMaxWidth: 28,
        data: bars.map((r, i) => (r ? { value: percent(r.completionRatio), name: names[i], itemStyle: { color: LAG_COLOURS[lagLevel(r.lag)] } } : { value: null, name: GAP })),
        markLine: {
          symbol: 'none',
          silent: true,
          lineStyle: { color: '#c8372d', type: 'dashed', width: 1.5 },
          label: { show: false },
          data: [{ yAxis: percent(timeProgress) }],
        },
      },
    ],
    media: [
      // The first, without a query, is what a chart grown wide again goes back to.
      { option: { xAxis: { axisLabel: { formatter: (name: string) => name, fontSize: CHAR, lineHeight: CHAR + 1 } } } },
      // 11 px: 21 upright names still stand apart on a 320 px phone
      { query: { maxWidth: sideBySide }, option: { xAxis: { axisLabel: { formatter: upright, fontSize: 11, lineHeight: 12 } } } },
    ],
  };
}
