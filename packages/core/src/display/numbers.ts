import { roundHalfAway } from './round.ts';

export const DASH = '—';
/** A real minus sign, as printed documents use, not a hyphen. */
export const MINUS = '−';

const formatters = new Map<number, Intl.NumberFormat>();

/** A number already rounded, grouped in thousands with exactly `places` decimals: 1,388,300 · 138.83. */
export function grouped(value: number, places = 0): string {
  let formatter = formatters.get(places);
  if (!formatter) {
    formatter = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: places, maximumFractionDigits: places });
    formatters.set(places, formatter);
  }
  return formatter.format(value).replace('-', MINUS);
}

/**
 * A number as it was set, every digit kept, with a real minus sign: −12, 0.75, 12.5. For thresholds and bounds that
 * someone typed, never for figures (those are rounded once, above).
 */
export function formatExact(value: number): string {
  return value.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }).replace('-', MINUS);
}

/** 1388300 → "1,388,300" */
export function formatCount(value: number): string {
  return grouped(roundHalfAway(value));
}

/** 1,388,300 → "138.83" (万人次 or 万元 with two decimals) */
export function formatWan(value: number): string {
  return grouped(roundHalfAway(value / 10_000, 2), 2);
}

/** A ratio as the percentage shown, a number for charts: 0.41666 → 41.7 (also a lag in points: −0.11547 → −11.5). */
export function percentNumber(ratio: number): number {
  return roundHalfAway(ratio * 100, 1);
}

/** 0.41666 → "41.7%"; null (no target) → "—" */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? DASH : `${grouped(percentNumber(ratio), 1)}%`;
}

/** A lag of −0.11547 → "−11.5" percentage points, +0.207 → "+20.7", with a real minus sign. */
export function formatPoints(lag: number | null): string {
  if (lag === null) return DASH;
  const points = percentNumber(lag);
  return `${points > 0 ? '+' : ''}${grouped(points, 1)}`;
}

/** Whole yuan: 1359.4 → "1,359"; null (nobody subsidised) → "—" */
export function formatYuan(value: number | null): string {
  return value === null ? DASH : formatCount(value);
}

/** A signed change for 「较上月」 lines: +1,234 / −56 / 持平. */
export function formatDelta(value: number, format: (n: number) => string = formatCount): string {
  if (value === 0) return '持平';
  return value > 0 ? `+${format(value)}` : `${MINUS}${format(-value)}`;
}

/** A rounded amount with its decimals, but none for a whole amount: 13.00 → "13", 13.30 → "13.30", 12.26 → "12.26". */
function trimmed(value: number, places: number): string {
  return Number.isInteger(value) ? grouped(value) : grouped(value, places);
}

/** Money as officials write it: 12.26亿元, 13亿元 (no ".00" on a round budget), 4,321.50万元, 860元. */
export function moneyParts(yuan: number): { value: string; unit: '亿元' | '万元' | '元' } {
  const size = Math.abs(yuan);
  if (size >= 100_000_000) return { value: trimmed(roundHalfAway(yuan / 100_000_000, 2), 2), unit: '亿元' };
  if (size >= 10_000) return { value: trimmed(roundHalfAway(yuan / 10_000, 2), 2), unit: '万元' };
  return { value: formatCount(yuan), unit: '元' };
}

/** 12.26亿元 as documents write it; with `spacing` ' ' as the screen's cards do (12.26 亿元, like 3,945 人). */
export function formatMoney(yuan: number, spacing: '' | ' ' = ''): string {
  const { value, unit } = moneyParts(yuan);
  return `${value}${spacing}${unit}`;
}

/** The unit a chart axis of people counts reads best in: 万人次 from ten thousand up, else 人次. */
export function peopleAxisUnit(largest: number): { unit: '万人次' | '人次'; divisor: number; places: number } {
  return largest >= 10_000 ? { unit: '万人次', divisor: 10_000, places: 2 } : { unit: '人次', divisor: 1, places: 0 };
}
