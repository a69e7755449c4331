import type { EChartsCoreOption } from 'echarts/core';
import {
  formatCount, formatPercent, formatPoints, formatWan, formatYuan, grouped, lagPhrase, percentNumber, roundHalfAway, RULE_LABELS, type Alert, type MetricRow,
} from '@dispatch/core';
import type { ArrivalMark } from '../arrival-marks.ts';
import { LAG_COLOURS } from './lag-colours.ts';
import { completionScale, lagScale, type TimeLineScale } from './map-bands.ts';

export type MapMetricKey = 'lag' | 'completionRatio' | 'trainees' | 'classesOpened' | 'fundsAudited' | 'fundsRatio' | 'avgSubsidy';

interface MapMetric {
  key: MapMetricKey;
  label: string;
  /** the number shown for a region, rounded once by core's display model */
  value: (row: MetricRow) => number | null;
  /** decimals of `value`, and the unit the legend writes after it */
  places: number;
  unit: string;
  /** coloured in bands by where each region stands against the time line, instead of low-to-high */
  timeLine?: (rows: readonly MetricRow[], timeProgress: number) => TimeLineScale;
}

const percentOrNull = (ratio: number | null) => (ratio === null ? null : percentNumber(ratio));
const wan = (value: number) => roundHalfAway(value / 10_000, 2);

/** The first is the default: the map answers "who is behind the time line" before anything else. */
export const MAP_METRICS: readonly MapMetric[] = [
  { key: 'lag', label: '较时序进度（百分点）', value: (r) => percentOrNull(r.lag), places: 1, unit: '百分点', timeLine: lagScale },
  { key: 'completionRatio', label: '完成比例', value: (r) => percentOrNull(r.completionRatio), places: 1, unit: '%', timeLine: completionScale },
  { key: 'trainees', label: '培训人次（万人次）', value: (r) => wan(r.trainees), places: 2, unit: '万人次' },
  { key: 'classesOpened', label: '开班数', value: (r) => r.classesOpened, places: 0, unit: '个' },
  { key: 'fundsAudited', label: '资金审核数（万元）', value: (r) => wan(r.fundsAudited), places: 2, unit: '万元' },
  { key: 'fundsRatio', label: '资金执行率', value: (r) => percentOrNull(r.fundsRatio), places: 1, unit: '%' },
  { key: 'avgSubsidy', label: '人均补贴（元）', value: (r) => (r.avgSubsidy === null ? null : roundHalfAway(r.avgSubsidy)), places: 0, unit: '元' },
];

export function findMapMetric(key: string | null): MapMetric {
  return MAP_METRICS.find((m) => m.key === key) ?? MAP_METRICS[0]!;
}

/**
 * The few numbers a tooltip shows for a county, and its alerts' sentences; for a county whose month has not arrived
 * (`missing`), 未报送 in place of its rank and figures — a missing month is not zero progress.
 */
export function describeRegion(row: MetricRow, alerts: readonly Alert[] = [], missing = false): string {
  const said = alerts.map((a) => `<span style="color:${a.severity === 'red' ? LAG_COLOURS['far-behind'] : LAG_COLOURS.behind}">●</span> ${RULE_LABELS[a.rule]}：${a.message}`);
  if (missing) return [`<b>${row.name}</b>（未报送）`, '本月数据未报送，不代表进展为零', ...said].join('<br>');
  return [
    `<b>${row.name}</b>（第 ${row.rank} 名）`,
    `完成比例 ${formatPercent(row.completionRatio)}（较时序 ${formatPoints(row.lag)}）`,
    lagPhrase(row.lag),
    `培训 ${formatWan(row.trainees)} 万人次 · 开班 ${formatCount(row.classesOpened)}`,
    `资金审核 ${formatWan(row.fundsAudited)} 万元 · 执行率 ${formatPercent(row.fundsRatio)}`,
    `人均补贴 ${formatYuan(row.avgSubsidy)} 元`,
    ...said,
  ].join('<br>');
}

/** On a touch screen, the tooltip's last line: the first tap showed it, the next opens the region. */
export const TAP_AGAIN = '再点一次进入 ›';
const HINT_COLOUR = '#2f6fb3';

/** Space between the chart's edge, the legend and the map, and the size of a legend's swatch (px). */
const EDGE = 8;
const SWATCH = 14;
const SWATCH_GAP = 8;
/** A chart narrower than this (px) cannot hold the bands side by side: they stack at its bottom left. */
const NARROW = 720;

const withUnit = (text: string, unit: string) => `${text}${unit === '%' ? '' : ' '}${unit}`;

/**
 * The legend and the room under the map it takes. Bands of the time line in a row, or stacked on a narrow chart
 * (an ECharts media query, applied again at each resize); other metrics low to high on a continuous bar. Either
 * way the map is laid out above the legend's room, so the legend never covers a region.
 */
function legendOf(metric: MapMetric, rows: readonly MetricRow[], scale: TimeLineScale | undefined) {
  if (scale) {
    const stacked = scale.bands.length * (SWATCH + SWATCH_GAP) - SWATCH_GAP;
    const inRow = { orient: 'horizontal', left: 'center', inverse: false, itemGap: 16 };
    const room = SWATCH + 2 * EDGE;
    return {
      visualMap: {
        type: 'piecewise',
        dimension: 1, // the band; the shown value is dimension 0
        seriesIndex: 0,
        pieces: scale.bands.map(({ value, label, color }) => ({ value, label, color })),
        ...inRow,
        bottom: EDGE,
        padding: 0, // ECharts' default pads the legend's box 15 px into the map's room
        itemWidth: SWATCH,
        itemHeight: SWATCH,
        textGap: 6,
        textStyle: { fontSize: 12 },
      },
      room,
      media: [
        // The first, without a query, is what a chart grown wide again goes back to.
        { option: { visualMap: inRow, geo: { bottom: room } } },
        { query: { maxWidth: NARROW }, option: { visualMap: { orient: 'vertical', left: EDGE, inverse: true, itemGap: SWATCH_GAP }, geo: { bottom: stacked + 2 * EDGE } } },
      ],
    };
  }
  const values = rows.map(metric.value).filter((v): v is number => v !== null);
  return {
    visualMap: {
      type: 'continuous',
      seriesIndex: 0,
      min: values.length ? Math.min(...values) : 0,
      max: values.length ? Math.max(...values) : 1,
      calculable: true,
      formatter: (value: number) => withUnit(grouped(roundHalfAway(value, metric.places), metric.places), metric.unit),
      text: ['高', '低'],
      inRange: { color: ['#e8f0f8', '#7fa8d6', '#1d4f85'] },
      orient: 'horizontal',
      left: 'center',
      bottom: EDGE,
      padding: 0,
      itemWidth: 12,
      itemHeight: 140,
      textStyle: { fontSize: 12 },
    },
    room: 12 + 16 + 3 * EDGE, // the bar, the handles' values above it
    media: [],
  };
}

/** What a map shows besides its regions' figures. */
export interface MapExtras {
  /** the city borders, drawn over the counties */
  borders?: number[][][];
  /** the month's alerts by region, said in the tooltip */
  alerts?: ReadonlyMap<string, Alert[]>;
  /** a touch screen: a tap shows a region's tooltip and a second tap opens it, as the tooltip's last line says */
  touch?: boolean;
  /** the month's 未报送 marks by region: a county whose month has not arrived is left grey (no value), out of the legend's range */
  arrivals?: ReadonlyMap<string, ArrivalMark>;
}

/** The tooltip's room: never past the chart's edges, long sentences wrapped rather than run off the screen. */
export const MAP_TOOLTIP = {
  trigger: 'item',
  confine: true,
  className: 'map-tooltip',
  transitionDuration: 0, // it jumps to the next county rather than gliding across the map
  extraCssText: 'max-width: min(340px, calc(100vw - 48px)); white-space: normal; overflow-wrap: anywhere;',
} as const;

/**
 * A choropleth of the registered map (features named by code), coloured by one metric — by default where each
 * region stands against the time line — with the city borders drawn on top.
 */
export function buildMapOptions(mapName: string, rows: readonly MetricRow[], metricKey: MapMetricKey, extras: MapExtras = {}): EChartsCoreOption {
  const { borders = [], alerts = new Map(), touch = false, arrivals = new Map() } = extras;
  const metric = findMapMetric(metricKey);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const missing = (row: MetricRow) => arrivals.get(row.code)?.state === 'missing';
  const reported = rows.filter((r) => !missing(r));
  const scale = metric.timeLine?.(reported, rows[0]?.timeProgress ?? 0);
  const legend = legendOf(metric, reported, scale);
  return {
    animation: false,
    tooltip: {
      ...MAP_TOOLTIP,
      formatter: (p: { name: string }) => {
        const row = byCode.get(p.name);
        if (!row) return p.name;
        return `${describeRegion(row, alerts.get(row.code), missing(row))}${touch ? `<br><span style="color:${HINT_COLOUR}">${TAP_AGAIN}</span>` : ''}`;
      },
    },
    visualMap: legend.visualMap,
    geo: {
      map: mapName,
      nameProperty: 'code',
      roam: false,
      // The map fits the box above the legend, its shape kept.
      top: EDGE,
      left: EDGE,
      right: EDGE,
      bottom: legend.room,
      preserveAspect: 'contain',
      itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#d9dde2' },
      // A hovered region keeps its colour (a highlight colour would read as a band) and gets a dark outline.
      emphasis: { label: { show: false }, itemStyle: { areaColor: null, color: null, borderColor: '#1f2933', borderWidth: 1.5 } },
      select: { disabled: true },
    },
    series: [
      {
        type: 'map',
        name: metric.label,
        geoIndex: 0,
        // A map series selects a clicked region by default, writing its name (here its code) on it: a first tap,
        // which now stays on the map, showed "431222" on the county.
        selectedMode: false,
        data: rows.map((r) => ({ name: r.code, value: missing(r) ? undefined : scale ? [metric.value(r), scale.bandOf(r)] : (metric.value(r) ?? undefined) })),
      },
      {
        type: 'lines',
        coordinateSystem: 'geo',
        polyline: true,
        silent: true,
        zlevel: 1,
        lineStyle: { color: '#3b4650', width: 1.2, opacity: 0.9 },
        data: borders.map((coords) => ({ coords })),
      },
    ],
    media: legend.media,
  };
}
