/**
 * A period is year-to-date: "2020-05" means 1 Jan – 31 May 2020. Month-only values are the last month of it.
 */
export interface Period {
  year: number;
  /** 1–12 */
  month: number;
}

export class InvalidPeriodError extends Error {
  constructor(readonly input: string) {
    super(`期间 "${input}" 无效：应为 YYYY-MM，月份 01–12`);
    this.name = 'InvalidPeriodError';
  }
}

const PERIOD_PATTERN = /^(\d{4})-(\d{2})$/;

export function isPeriod(input: string): boolean {
  const match = PERIOD_PATTERN.exec(input);
  if (!match) return false;
  const month = Number(match[2]);
  return month >= 1 && month <= 12;
}

export function parsePeriod(input: string): Period {
  if (!isPeriod(input)) throw new InvalidPeriodError(input);
  const [year, month] = input.split('-').map(Number) as [number, number];
  return { year, month };
}

export function formatPeriod({ year, month }: Period): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/**
 * The month before, inside the same year. January has none: targets and year-to-date figures restart with the
 * year, so a January rank is not compared with December's.
 */
export function previousPeriod({ year, month }: Period): Period | null {
  return month > 1 ? { year, month: month - 1 } : null;
}

/** 时序进度: the share of the year elapsed at the end of the period, M / 12. */
export function timeProgress({ month }: Period): number {
  return month / 12;
}

/** First and last day (inclusive, ISO dates) of the period's year-to-date window. */
export function periodWindow({ year, month }: Period): { from: string; to: string } {
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { from: `${year}-01-01`, to: `${formatPeriod({ year, month })}-${String(lastDay).padStart(2, '0')}` };
}

/** "2020-05" → "2020年1—5月", as bulletins write a year-to-date period. */
export function periodLabel({ year, month }: Period): string {
  return month === 1 ? `${year}年1月` : `${year}年1—${month}月`;
}

/** First and last day of the period's month alone. */
export function monthWindow({ year, month }: Period): { from: string; to: string } {
  const { to } = periodWindow({ year, month });
  return { from: `${formatPeriod({ year, month })}-01`, to };
}

/** "2020-05" (as the API and the address carry it) → "2020年1—5月". */
export function formatPeriodLabel(period: string): string {
  return periodLabel(parsePeriod(period));
}

/** "2020-05" → "2020年5月": the month alone, as a note on a region-month names it. */
export function formatMonthLabel(period: string): string {
  const { year, month } = parsePeriod(period);
  return `${year}年${month}月`;
}
