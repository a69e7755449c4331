import type { EChartsCoreOption } from 'echarts/core';
import { formatCount, formatPercent, formatPoints, formatWan, formatYuan, grouped, lagPhrase, percentNumber, roundHalfAway, type MetricRow } from '@dispatch/core';

export type MapMetricKey = 'completionRatio' | 'lag' | 'trainees' | 'classesOpened' | 'fundsAudited' | 'fundsRatio' | 'avgSubsidy';

interface MapMetric {
  key: MapMetricKey;
  label: string;
  /** the number shown for a region, rounded once by core's display model */
  value: (row: MetricRow) => number | null;
  /** decimals of `value`, and what the legend writes after it */
  places: number;
  suffix?: string;
  /** below/above zero in two colours (the time line), instead of low-to-high */
  diverging?: boolean;
}

const percentOrNull = (ratio: number | null) => (ratio === null ? null : percentNumber(ratio));
const wan = (value: number) => roundHalfAway(value / 10_000, 2);

export const MAP_METRICS: readonly MapMetric[] = [
  { key: 'completionRatio', label: '完成比例', value: (r) => percentOrNull(r.completionRatio), places: 1, suffix: '%' },
  { key: 'lag', label: '较时序进度（百分点）', value: (r) => percentOrNull(r.lag), places: 1, diverging: true },
  { key: 'trainees', label: '培训人次（万人次）', value: (r) => wan(r.trainees), places: 2 },
  { key: 'classesOpened', label: '开班数', value: (r) => r.classesOpened, places: 0 },
  { key: 'fundsAudited', label: '资金审核数（万元）', value: (r) => wan(r.fundsAudited), places: 2 },
  { key: 'fundsRatio', label: '资金执行率', value: (r) => percentOrNull(r.fundsRatio), places: 1, suffix: '%' },
  { key: 'avgSubsidy', label: '人均补贴（元）', value: (r) => (r.avgSubsidy === null ? null : roundHalfAway(r.avgSubsidy)), places: 0 },
];

export function findMapMetric(key: string | null): MapMetric {
  return MAP_METRICS.find((m) => m.key === key) ?? MAP_METRICS[0]!;
}

/** The few numbers a tooltip shows for a county. */
export function describeRegion(row: MetricRow): string {
  return [
    `<b>${row.name}</b>（第 ${row.rank} 名）`,
    `完成比例 ${formatPercent(row.completionRatio)}（较时序 ${formatPoints(row.lag)}）`,
    lagPhrase(row.lag),
    `培训 ${formatWan(row.trainees)} 万人次 · 开班 ${formatCount(row.classesOpened)}`,
    `资金审核 ${formatWan(row.fundsAudited)} 万元 · 执行率 ${formatPercent(row.fundsRatio)}`,
    `人均补贴 ${formatYuan(row.avgSubsidy)} 元`,
  ].join('<br>');
}

/**
 * A choropleth of the registered map (features named by code), coloured by one metric, with the city borders
 * drawn on top. Regions without a value are grey.
 */
export function buildMapOptions(mapName: string, rows: readonly MetricRow[], metricKey: MapMetricKey, borders: number[][][] = []): EChartsCoreOption {
  const metric = findMapMetric(metricKey);
  const byCode = new Map(rows.map((r) => [r.code, r]));
  const values = rows.map(metric.value).filter((v): v is number => v !== null);
  const low = Math.min(...values, 0);
  const high = Math.max(...values, 0);
  const bound = Math.max(Math.abs(low), Math.abs(high), 1);
  return {
    animation: false,
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string }) => {
        const row = byCode.get(p.name);
        return row ? describeRegion(row) : p.name;
      },
    },
    visualMap: {
      type: 'continuous',
      min: metric.diverging ? -bound : Math.min(...values),
      max: metric.diverging ? bound : Math.max(...values),
      calculable: true,
      formatter: (value: number) => `${grouped(roundHalfAway(value, metric.places), metric.places)}${metric.suffix ?? ''}`,
      text: [metric.diverging ? '超前' : '高', metric.diverging ? '落后' : '低'],
      inRange: { color: metric.diverging ? ['#c8372d', '#f6e3a1', '#2e8b57'] : ['#e8f0f8', '#7fa8d6', '#1d4f85'] },
      // Along the bottom, under the map, where it covers no county (on a phone the map fills the width).
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      itemWidth: 12,
      itemHeight: 120,
      seriesIndex: 0,
    },
    geo: {
      map: mapName,
      nameProperty: 'code',
      roam: false,
      layoutCenter: ['50%', '45%'],
      layoutSize: '88%',
      itemStyle: { borderColor: '#ffffff', borderWidth: 0.6, areaColor: '#d9dde2' },
      emphasis: { label: { show: false }, itemStyle: { areaColor: '#ffd666' } },
      select: { disabled: true },
    },
    series: [
      {
        type: 'map',
        name: metric.label,
        geoIndex: 0,
        data: rows.map((r) => ({ name: r.code, value: metric.value(r) ?? undefined })),
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
  };
}
