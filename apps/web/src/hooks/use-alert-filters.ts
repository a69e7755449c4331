import { ALERT_RULES, type AlertRule, type Severity } from '@dispatch/core';
import { useSearchParams } from 'wouter';

export interface AlertFilters {
  level?: 'city' | 'county';
  city?: string;
  rule?: AlertRule;
  severity?: Severity;
}

/** The alerts page's filters, in the address (`?level=county&city=430500&severity=red`): a link opens the same list. */
export function useAlertFilters(): [AlertFilters, (change: Partial<Record<keyof AlertFilters, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const pick = <T extends string>(key: string, allowed: readonly T[]) => (allowed.includes(params.get(key) as T) ? (params.get(key) as T) : undefined);
  const filters: AlertFilters = {
    level: pick('level', ['city', 'county'] as const),
    city: /^\d{4}00$/.test(params.get('city') ?? '') ? params.get('city')! : undefined,
    rule: pick('rule', ALERT_RULES),
    severity: pick('severity', ['red', 'yellow'] as const),
  };
  const set = (change: Partial<Record<keyof AlertFilters, string | null>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(change)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  return [filters, set];
}
