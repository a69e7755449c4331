import { ALERT_RULES } from '@dispatch/core';

/** The alerts page's filters, as the address holds them. */
export interface AlertFilters {
  level?: 'city' | 'county';
  city?: string;
  rule?: (typeof ALERT_RULES)[number];
  severity?: 'red' | 'yellow';
}
export type AlertFilterChange = Partial<Record<keyof AlertFilters, string | null>>;

function pick<T extends string>(params: URLSearchParams, key: string, allowed: readonly T[]): T | undefined {
  const value = params.get(key) as T;
  return allowed.includes(value) ? value : undefined;
}

/**
 * The filters an address asks for. A city's alerts are its own and its counties'; "cities only" inside one city
 * contradicts that (the API refuses level=city with a parent), so when an address has both the city, the more
 * particular choice, wins: a link shows that city and its counties rather than an error.
 */
export function readAlertFilters(params: URLSearchParams): AlertFilters {
  const city = /^\d{4}00$/.test(params.get('city') ?? '') ? params.get('city')! : undefined;
  const level = pick(params, 'level', ['city', 'county'] as const);
  return {
    level: city && level === 'city' ? undefined : level,
    city,
    rule: pick(params, 'rule', ALERT_RULES),
    severity: pick(params, 'severity', ['red', 'yellow'] as const),
  };
}

/** A choice in the filter bar, with the other choice it contradicts cleared: 市州 level clears the city, a city clears 市州 level. */
export function consistentChange(current: AlertFilters, change: AlertFilterChange): AlertFilterChange {
  if (change.level === 'city' && current.city && change.city === undefined) return { ...change, city: null };
  if (change.city && current.level === 'city' && change.level === undefined) return { ...change, level: null };
  return change;
}
