import { grouped, percentNumber, roundHalfAway, type MetricRow } from '@dispatch/core';
import { LAG_COLOURS } from './lag-colours.ts';

/** One step of a map's legend: the number the regions in it carry, what the legend says, its colour. */
export interface MapBand {
  value: number;
  label: string;
  color: string;
}

/** A map coloured by where each region stands against the time line: its bands, worst first, and each region's band. */
export interface TimeLineScale {
  bands: readonly MapBand[];
  bandOf: (row: MetricRow) => number;
}

const NO_TARGET: Omit<MapBand, 'value'> = { label: '无目标任务', color: LAG_COLOURS.none };
/** ahead by less than a step, lighter than ahead by more */
const NEAR_AHEAD_COLOUR = '#9cc0e4';

/**
 * The scale's step from the time line (百分点). A distance on a map's scale, not an alert's threshold: the
 * alerts' red (落后时序进度) is a rule with thresholds of its own, which the administrator sets, and it also asks
 * for a completion ratio far below the province's. The bands say distances only, never an alert's words.
 */
const STEP = 10;

/** No target last; then by the lag as shown (points to one decimal), so that a colour never contradicts the number. */
const NONE = 9;
function bandOfLag(lag: number | null, { splitAhead }: { splitAhead: boolean }): number {
  if (lag === null) return NONE;
  const points = roundHalfAway(lag * 100, 1);
  if (points <= -STEP) return 0;
  if (points < 0) return 1;
  return splitAhead && points >= STEP ? 3 : 2;
}

/** A legend that names a no-target band only when a region is in it. */
function withNoTarget(bands: MapBand[], rows: readonly MetricRow[]): MapBand[] {
  return rows.some((r) => r.lag === null) ? [...bands, { value: NONE, ...NO_TARGET }] : bands;
}

/** 「落后 10 个百分点及以上」: how far from the time line, in words that name no alert. */
const behindBy = (from: number, to?: number) => (to === undefined ? `落后 ${grouped(from)} 个百分点及以上` : `落后 ${grouped(from)}～${grouped(to)} 个百分点`);
const aheadBy = (from: number, to?: number) => (to === undefined ? `领先 ${grouped(from)} 个百分点及以上` : `领先 ${grouped(from)}～${grouped(to)} 个百分点`);

/** 较时序进度 on a scale diverging from the time line (0), a step each way, worst first. */
export function lagScale(rows: readonly MetricRow[]): TimeLineScale {
  const bands: MapBand[] = [
    { value: 0, label: behindBy(STEP), color: LAG_COLOURS['far-behind'] },
    { value: 1, label: behindBy(0, STEP), color: LAG_COLOURS.behind },
    { value: 2, label: aheadBy(0, STEP), color: NEAR_AHEAD_COLOUR },
    { value: 3, label: aheadBy(STEP), color: LAG_COLOURS.ahead },
  ];
  return { bands: withNoTarget(bands, rows), bandOf: (row) => bandOfLag(row.lag, { splitAhead: true }) };
}

/**
 * The completion ratio against the time line: behind it by a step or more, behind by less, at or past it — with
 * each band's limits in 完成比例 (%). Early in the year, when no region can be a step behind (the time line is
 * nearer 0 than the step), that band is left out.
 */
export function completionScale(rows: readonly MetricRow[], timeProgress: number): TimeLineScale {
  const line = percentNumber(timeProgress);
  const far = roundHalfAway(line - STEP, 1);
  const percent = (value: number) => `${grouped(value, 1)}%`;
  const bands: MapBand[] = [
    { value: 0, label: `${behindBy(STEP)}（≤ ${percent(far)}）`, color: LAG_COLOURS['far-behind'] },
    { value: 1, label: far >= 0 ? `${behindBy(0, STEP)}（${percent(far)}～${percent(line)}）` : `落后于时序进度（< ${percent(line)}）`, color: LAG_COLOURS.behind },
    { value: 2, label: `达到时序进度（≥ ${percent(line)}）`, color: LAG_COLOURS.ahead },
  ];
  return {
    bands: withNoTarget(far >= 0 ? bands : bands.slice(1), rows),
    bandOf: (row) => bandOfLag(row.lag, { splitAhead: false }),
  };
}
