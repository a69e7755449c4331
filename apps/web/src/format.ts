import { parsePeriod, periodLabel, type ColumnFormat } from '@dispatch/core';

/** Display formats officials expect: 万人次 and 万元 with two decimals, percentages with one. */
const grouped = new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 0 });
const twoDecimals = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const DASH = '—';

export function formatCount(value: number): string {
  return grouped.format(value);
}

/** 1,388,300 → "138.83" (万人次) */
export function formatWan(value: number): string {
  return twoDecimals.format(value / 10_000);
}

/** 0.41666 → "41.7%"; null (no target) → "—" */
export function formatPercent(ratio: number | null): string {
  return ratio === null ? DASH : `${(ratio * 100).toFixed(1)}%`;
}

/** A lag of −0.0827 → "−8.3" percentage points, with a real minus sign. */
export function formatPoints(lag: number | null): string {
  if (lag === null) return DASH;
  const points = (lag * 100).toFixed(1);
  return lag > 0 ? `+${points}` : points.replace('-', '−');
}

export function formatYuan(value: number | null): string {
  return value === null ? DASH : grouped.format(Math.round(value));
}

/** "2020-05" → "2020年1—5月" as bulletins write a year-to-date period. */
export function formatPeriodLabel(period: string): string {
  return periodLabel(parsePeriod(period));
}

export type LagLevel = 'ahead' | 'behind' | 'far-behind' | 'none';

/** Behind the time line: lag < 0 is yellow, lag ≤ −10 points is red. */
export function lagLevel(lag: number | null, redAt = -0.1): LagLevel {
  if (lag === null) return 'none';
  if (lag <= redAt) return 'far-behind';
  return lag < 0 ? 'behind' : 'ahead';
}

/** A ranking cell as the screen shows it, by the column's format (core's RANKING_COLUMNS). */
export function formatCell(format: ColumnFormat, value: number | string | null): string {
  if (value === null) return DASH;
  if (typeof value === 'string') return value;
  switch (format) {
    case 'wan':
      return formatWan(value);
    case 'percent':
      return formatPercent(value);
    case 'points':
      return formatPoints(value);
    case 'yuan':
      return formatYuan(value);
    case 'change':
      return value === 0 ? '持平' : value > 0 ? `↑${value}` : `↓${-value}`;
    default:
      return formatCount(value);
  }
}

/** A signed change for "较上月" lines: +1,234 / −56 / 持平. */
export function formatDelta(value: number, format: (n: number) => string = formatCount): string {
  if (value === 0) return '持平';
  return value > 0 ? `+${format(value)}` : `−${format(-value)}`;
}

/** A stored UTC instant as Beijing time (UTC+8, no daylight saving): 2026-11-25 06:30:01. */
export function formatBeijingTime(iso: string): string {
  const shifted = new Date(Date.parse(iso) + 8 * 3_600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 19)}`;
}

/** A server message with its `参数 field：` prefixes put in the form's own words. */
export function withFieldLabels(message: string, labels: Record<string, string>): string {
  return message.replace(/参数 ([\w.]+)：/g, (whole, field: string) => (labels[field] ? `${labels[field]}：` : whole));
}
