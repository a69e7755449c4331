import type { AlertSettings } from '../contract/alert-settings.ts';
import type { Alert, AlertRule, Severity } from '../contract/alerts.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import { formatPeriod, type Period } from '../metrics/period.ts';

/**
 * What every rule reads: one level's ranked rows for each month of the year up to the month evaluated, and the
 * province's own row for those months. Ranks are among the whole level (cities among 14, counties among 122).
 */
export interface AlertContext {
  period: Period;
  /** index 0 is January; the last is the month evaluated; a month without data is an empty list */
  months: readonly (readonly MetricRow[])[];
  /** the province's row for each month, same indexes */
  province: readonly (MetricRow | undefined)[];
  settings: AlertSettings;
  /** 数据到达: which regions' data has arrived for each month; absent where nobody loads data (rules' tests) */
  arrivals?: DataArrivals;
}

/** How many of a region's counties have data for a month: a county's own is 0 or 1 of 1. */
export interface ArrivalCount {
  arrived: number;
  of: number;
}

export interface DataArrivals {
  /** index 0 is January, as `months`; every city and county of the registry */
  months: readonly ReadonlyMap<string, ArrivalCount>[];
  /** the latest month any data arrived for, in any year; null when there is none at all */
  latest: Period | null;
}

export type AlertRuleFunction = (context: AlertContext) => Alert[];

/** How much of a region's data has arrived for a month (index 1 is January; the month evaluated by default); undefined where arrivals are not known. */
export function arrivalOf(context: AlertContext, code: string, month = context.period.month): ArrivalCount | undefined {
  return context.arrivals?.months[month - 1]?.get(code);
}

/**
 * 未报送: none of a region's data for the month has arrived (a county's own; none of a city's counties). Its figures
 * are then not progress but absence, so of all the rules only no-data speaks of it: behind-time, stalled,
 * funds-lagging and fund-gap skip it; falling-back skips it and compares no one with it (a month before that did not
 * arrive is no "last month"); persistent-bottom counts neither its month in anyone's bottom nor in its own streak
 * (an unknown month breaks a streak). Without arrivals (the rules' own tests), every month counts as arrived.
 * Whether the month is yet late (the no-data rule's question) does not matter here: unknown is never zero.
 */
export function notArrived(context: AlertContext, code: string, month = context.period.month): boolean {
  const count = arrivalOf(context, code, month);
  return count !== undefined && count.arrived === 0;
}

/**
 * The rows of the month evaluated, and of the month before (none in January) — each without the regions whose month
 * has not arrived (`notArrived`): what the progress rules judge. The no-data rule reads `context.months` itself.
 */
export function monthsOf(context: AlertContext): { current: readonly MetricRow[]; previous: ReadonlyMap<string, MetricRow> } {
  const { months, period } = context;
  const arrived = (month: number) => (row: MetricRow) => !notArrived(context, row.code, month);
  const current = (months[period.month - 1] ?? []).filter(arrived(period.month));
  const previous = period.month > 1 ? (months[period.month - 2] ?? []).filter(arrived(period.month - 1)) : [];
  return { current, previous: new Map(previous.map((row) => [row.code, row])) };
}

/** An alert for a row, in the shape every rule answers. */
export function alertOf(
  row: MetricRow,
  period: Period,
  rule: AlertRule,
  severity: Severity,
  message: string,
  facts: Alert['facts'],
): Alert {
  return {
    regionCode: row.code, regionName: row.name, level: row.level, parentCode: row.parentCode,
    period: formatPeriod(period), rule, severity, message, facts,
  };
}
