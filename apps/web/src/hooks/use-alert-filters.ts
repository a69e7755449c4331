import { useSearchParams } from 'wouter';
import { consistentChange, readAlertFilters, type AlertFilterChange, type AlertFilters } from '../alert-filters.ts';

export type { AlertFilters };

/** The alerts page's filters, in the address (`?level=county&city=430500&severity=red`): a link opens the same list. */
export function useAlertFilters(): [AlertFilters, (change: AlertFilterChange) => void] {
  const [params, setParams] = useSearchParams();
  const filters = readAlertFilters(params);
  const set = (change: AlertFilterChange) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      for (const [key, value] of Object.entries(consistentChange(readAlertFilters(current), change))) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  return [filters, set];
}
