import { grouped, LAG_THRESHOLDS, lagLevel, percentNumber, roundHalfAway, type MetricRow } from '@dispatch/core';
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
/** ahead by less than the red threshold's distance, lighter than ahead by more */
const NEAR_AHEAD_COLOUR = '#9cc0e4';

/** Judged as the tags judge it (`lagLevel`, on the lag as shown), so that a colour never contradicts a tag; no target last. */
const LEVEL_BAND = { 'far-behind': 0, behind: 1, ahead: 2, none: 9 } as const;

/** A legend that names a no-target band only when a region is in it. */
function withNoTarget(bands: MapBand[], rows: readonly MetricRow[]): MapBand[] {
  return rows.some((r) => r.lag === null) ? [...bands, { value: LEVEL_BAND.none, ...NO_TARGET }] : bands;
}

/**
 * 较时序进度 on a scale diverging from the time line (0): far behind, behind, ahead, and ahead by as much as "far
 * behind" is behind (the red threshold, mirrored). In 百分点, with real minus signs.
 */
export function lagScale(rows: readonly MetricRow[]): TimeLineScale {
  const red = LAG_THRESHOLDS.redPoints;
  const far = -red;
  const bands: MapBand[] = [
    { value: 0, label: `严重落后（≤ ${grouped(red)} 百分点）`, color: LAG_COLOURS['far-behind'] },
    { value: 1, label: `落后（${grouped(red)}～0 百分点）`, color: LAG_COLOURS.behind },
    { value: 2, label: `超前（0～+${grouped(far)} 百分点）`, color: NEAR_AHEAD_COLOUR },
    { value: 3, label: `超前（≥ +${grouped(far)} 百分点）`, color: LAG_COLOURS.ahead },
  ];
  return {
    bands: withNoTarget(bands, rows),
    bandOf: (row) => {
      const level = lagLevel(row.lag);
      if (level === 'ahead' && roundHalfAway(row.lag! * 100, 1) >= far) return 3;
      return LEVEL_BAND[level];
    },
  };
}

/**
 * The completion ratio against the time line: far behind it (by the red threshold or more), behind, ahead — the
 * levels of the tags, with their limits in 完成比例 (%). Early in the year, when no region can be far behind (the
 * time line is nearer 0 than the threshold), that band is left out.
 */
export function completionScale(rows: readonly MetricRow[], timeProgress: number): TimeLineScale {
  const line = percentNumber(timeProgress);
  const red = roundHalfAway(line + LAG_THRESHOLDS.redPoints, 1);
  const percent = (value: number) => `${grouped(value, 1)}%`;
  const bands: MapBand[] = [
    { value: 0, label: `严重落后（≤ ${percent(red)}）`, color: LAG_COLOURS['far-behind'] },
    { value: 1, label: red >= 0 ? `落后（${percent(red)}～${percent(line)}）` : `落后（< ${percent(line)}）`, color: LAG_COLOURS.behind },
    { value: 2, label: `超前（≥ 时序进度 ${percent(line)}）`, color: LAG_COLOURS.ahead },
  ];
  return {
    bands: withNoTarget(red >= 0 ? bands : bands.slice(1), rows),
    bandOf: (row) => LEVEL_BAND[lagLevel(row.lag)],
  };
}
