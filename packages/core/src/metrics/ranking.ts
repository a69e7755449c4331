import type { MetricRow } from '../contract/metric-row.ts';
import { deriveMetrics, toMetricRow, type RegionFigures } from './metrics.ts';
import { previousPeriod, type Period } from './period.ts';

interface Rankable {
  code: string;
  completionRatio: number | null;
  fundsRatio: number | null;
}

/** A missing ratio (zero target or budget) sorts after every real one, never as NaN. */
function compareDescending(a: number | null, b: number | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return b - a;
}

/**
 * The ranking rule: completion ratio descending; ties by funds ratio descending, then by code ascending, so that
 * every rank is distinct and the order is the same on every screen.
 */
export function compareForRank(a: Rankable, b: Rankable): number {
  return (
    compareDescending(a.completionRatio, b.completionRatio) ||
    compareDescending(a.fundsRatio, b.fundsRatio) ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}

/** Ranks 1..n by the ranking rule, keyed by region code. */
export function rankRegions(rows: readonly Rankable[]): Map<string, number> {
  return new Map([...rows].sort(compareForRank).map((row, index) => [row.code, index + 1]));
}

/** Places gained since the previous ranking (3rd → 1st is +2); null where there is no previous rank. */
export function rankChange(current: number, previous: number | undefined): number | null {
  return previous === undefined ? null : previous - current;
}

function rankFigures(figures: readonly RegionFigures[], period: Period) {
  const derived = new Map(figures.map((f) => [f.region.code, deriveMetrics(f, period)]));
  const ranks = rankRegions(figures.map((f) => ({ code: f.region.code, ...derived.get(f.region.code)! })));
  // The month-only ranking: the month's own completion, ties by the year's funds ratio, then code.
  const monthRanks = rankRegions(
    figures.map((f) => ({ code: f.region.code, completionRatio: derived.get(f.region.code)!.monthCompletion, fundsRatio: derived.get(f.region.code)!.fundsRatio })),
  );
  return { derived, ranks, monthRanks };
}

/**
 * The metric rows for one set of peers (the 14 cities, the 122 counties, or one city's counties), ranked among
 * themselves, with the rank change against the same peers' figures for the previous month.
 * Rows come back in rank order.
 */
export function buildMetricRows(
  period: Period,
  figures: readonly RegionFigures[],
  previousFigures: readonly RegionFigures[] | null,
): MetricRow[] {
  const current = rankFigures(figures, period);
  const before = previousPeriod(period);
  const previous = before && previousFigures ? rankFigures(previousFigures, before) : null;
  return figures
    .map((f) => {
      const code = f.region.code;
      const derived = current.derived.get(code)!;
      const rank = current.ranks.get(code)!;
      const earlier = previous?.derived.get(code);
      return toMetricRow(f, derived, {
        rank,
        rankChange: rankChange(rank, previous?.ranks.get(code)),
        monthRank: current.monthRanks.get(code)!,
        completionChange:
          derived.completionRatio === null || earlier?.completionRatio == null ? null : derived.completionRatio - earlier.completionRatio,
      });
    })
    .sort((a, b) => a.rank - b.rank);
}
