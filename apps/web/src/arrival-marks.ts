import type { Freshness } from '@dispatch/core';

/**
 * 未报送 beside a region's figures: a month whose data has not arrived is not zero progress. `missing`: nothing of
 * the month has arrived (a county's own data; none of a city's counties) — its ratio and rank are not shown.
 * `partial`: a city some of whose counties have not arrived — its figures are those that have, said beside them.
 */
export type ArrivalMark = { state: 'missing' } | { state: 'partial'; arrived: number; of: number };

/** The marks of a month's regions, by code; a region whose month fully arrived has none (so the demo year has none). */
export function arrivalMarks(freshness: Pick<Freshness, 'regions'> | undefined): ReadonlyMap<string, ArrivalMark> {
  const marks = new Map<string, ArrivalMark>();
  for (const region of freshness?.regions ?? []) {
    if (region.level === 'county') {
      if (region.lastArrivedAt === null) marks.set(region.regionCode, { state: 'missing' });
      continue;
    }
    const arrived = region.countiesArrived ?? 0;
    const of = region.counties ?? 0;
    if (of === 0 || arrived >= of) continue;
    marks.set(region.regionCode, arrived === 0 ? { state: 'missing' } : { state: 'partial', arrived, of });
  }
  return marks;
}

/** The mark's words: 「未报送」, or 「部分未报送」 for a city partly arrived (its title says how many). */
export function arrivalText(mark: ArrivalMark): string {
  return mark.state === 'missing' ? '未报送' : '部分未报送';
}

/**
 * The cells of a region whose month has not arrived that would read a missing month as a place or a pace — its
 * rank, ratios, lag and changes — are not shown (「—」, the rank cell says 未报送); its counts stay, greyed.
 */
export const NOT_SHOWN_WHEN_MISSING: ReadonlySet<string> = new Set([
  'rank', 'completionRatio', 'lag', 'completionChange', 'monthCompletion', 'monthRank', 'fundsRatio', 'rankChange', 'toTimeLine', 'toTarget', 'toReference',
]);

/** The mark's longer words, for a title or a tooltip. */
export function arrivalTitle(mark: ArrivalMark): string {
  return mark.state === 'missing'
    ? '本月数据未报送：所示数字不代表进展为零，不计名次'
    : `${mark.of}个县市区中${mark.of - mark.arrived}个未报送：所示为已报送县市区的数据`;
}
