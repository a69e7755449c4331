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

/** The rows of the month evaluated, and of the month before (none in January). */
export function monthsOf(context: AlertContext): { current: readonly MetricRow[]; previous: ReadonlyMap<string, MetricRow> } {
  const { months, period } = context;
  const current = months[period.month - 1] ?? [];
  const previous = period.month > 1 ? (months[period.month - 2] ?? []) : [];
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
