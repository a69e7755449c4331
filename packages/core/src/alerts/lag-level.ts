import { roundHalfAway } from '../display/round.ts';

/**
 * Supervision thresholds (domain.md, "Supervision rules"); they become settings with the alert rules.
 * Behind the time line: lag < 0 → yellow; lag ≤ −10 points → red.
 */
export const LAG_THRESHOLDS = { redPoints: -10 } as const;

export type LagLevel = 'ahead' | 'behind' | 'far-behind' | 'none';

/**
 * How far behind the time line a region is, judged on the lag as shown (points to one decimal), so that a tag
 * never contradicts the number beside it: −0.04 points shows "0.0" and is not tagged behind; −9.96 shows
 * "−10.0" and is red.
 */
export function lagLevel(lag: number | null, thresholds: { redPoints: number } = LAG_THRESHOLDS): LagLevel {
  if (lag === null) return 'none';
  const points = roundHalfAway(lag * 100, 1);
  if (points <= thresholds.redPoints) return 'far-behind';
  return points < 0 ? 'behind' : 'ahead';
}

/** Behind the time line, as the tags and the counts on screen say it. */
export function isBehind(lag: number | null): boolean {
  const level = lagLevel(lag);
  return level === 'behind' || level === 'far-behind';
}
