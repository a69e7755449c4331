import type { MetricRow } from '../contract/metric-row.ts';
import type { Period } from './period.ts';

export interface RegionGaps {
  /** trainees still needed to reach the elapsed-time line: target × M/12 − trainees, at least 0 */
  toTimeLine: number;
  /** trainees still needed for the full annual target, at least 0 */
  toTarget: number;
  /** completion ratio minus the reference region's (the province), exact; null without a target */
  toReference: number | null;
}

/**
 * A region's gaps as city leaders read them: how many more people to reach the time line and the target, and how
 * far its completion ratio is from the province's. The time line uses the exact M/12 of the period, not the
 * rounded ratio in the row (12,000 × 5/12 is 5,000 people, 12,000 × 0.4167 would be 5,001).
 */
export function regionGaps(row: MetricRow, reference: MetricRow | undefined, period: Period): RegionGaps {
  // ⌈target × M / 12⌉ in whole numbers: no floating point decides a person.
  const timeLineTrainees = Math.floor((row.target * period.month + 11) / 12);
  return {
    toTimeLine: Math.max(0, timeLineTrainees - row.trainees),
    toTarget: Math.max(0, row.target - row.trainees),
    toReference:
      row.completionRatio === null || reference?.completionRatio == null
        ? null
        : row.completionRatio - reference.completionRatio,
  };
}
