import { createContext, useContext } from 'react';
import { parsePeriod, type Period } from '@dispatch/core';
import { useSearchParam } from './use-search-param.ts';

export interface PeriodChoice {
  periods: string[];
  latest: string;
}

export const PeriodsContext = createContext<PeriodChoice | null>(null);

/**
 * The month every screen shows: `?period=` in the address when it has data, else the latest month.
 * `requested` keeps an unusable value so the page can say it was replaced.
 */
export function usePeriod() {
  const choice = useContext(PeriodsContext);
  if (!choice) throw new Error('usePeriod outside PeriodsContext');
  const [requested, setPeriod] = useSearchParam('period');
  const period = requested && choice.periods.includes(requested) ? requested : choice.latest;
  const parsed: Period = parsePeriod(period);
  return { period, parsed, requested, setPeriod, ...choice };
}

/** A path with the current period kept, for links between screens. */
export function withPeriod(path: string, period: string): string {
  return `${path}${path.includes('?') ? '&' : '?'}period=${period}`;
}
