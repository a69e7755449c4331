import { formatPeriod, type AlertContext, type AlertContexts, type Period } from '@dispatch/core';
import { getAlertSettings, getYearArrivals, getYearMetricRows } from '@dispatch/db';
import type { Db } from '@dispatch/db';
import type { Context } from 'hono';
import type { AppEnv } from './router.ts';
import { computed } from './computed-cache.ts';

export type { AlertContexts };

/**
 * What the alert rules read for a month: the year's rankings so far for the cities and for the 122 counties, the
 * province's own rows, the thresholds as set — three queries, kept with the cache until the data or the settings
 * change, and shared by the alerts list, the summary and the Excel file.
 */
export function alertContexts(c: Context<AppEnv>, period: Period): Promise<AlertContexts> {
  const db = c.get('db');
  return computed(c, `alert-contexts|${formatPeriod(period)}`, () => loadAlertContexts(db, period));
}

/** The alert rules' reading for a month straight from the database, uncached. */
export async function loadAlertContexts(db: Db, period: Period): Promise<AlertContexts> {
  const query = { year: period.year, lastMonth: period.month };
  const [city, county, province, settings, arrivals] = await Promise.all([
    getYearMetricRows(db, { ...query, level: 'city' }),
    getYearMetricRows(db, { ...query, level: 'county' }),
    getYearMetricRows(db, { ...query, level: 'province' }),
    getAlertSettings(db),
    getYearArrivals(db, query),
  ]);
  const provinceRows = province.map((rows) => rows[0]);
  return {
    city: { period, months: city, province: provinceRows, settings, arrivals },
    county: { period, months: county, province: provinceRows, settings, arrivals },
  };
}

/** The same contexts as they stood at an earlier month of the year: the months up to it. */
export function contextsAt(contexts: AlertContexts, month: number): AlertContexts {
  const at = (context: AlertContext): AlertContext => ({
    ...context,
    period: { ...context.period, month },
    months: context.months.slice(0, month),
    province: context.province.slice(0, month),
    ...(context.arrivals ? { arrivals: { ...context.arrivals, months: context.arrivals.months.slice(0, month) } } : {}),
  });
  return { city: at(contexts.city), county: at(contexts.county) };
}
