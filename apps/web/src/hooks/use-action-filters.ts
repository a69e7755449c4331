import { ACTION_KINDS, ACTION_STATES, type ActionKind, type ActionState } from '@dispatch/core';
import { useSearchParams } from 'wouter';

export interface ActionFilters {
  state?: ActionState;
  kind?: ActionKind;
  city?: string;
  overdue?: 'true';
}

const pick = <T extends string>(value: string | null, allowed: readonly T[]): T | undefined => (allowed.includes(value as T) ? (value as T) : undefined);

/** The supervision list's filters in the address (`?state=open&kind=summons&city=430100&overdue=true`). */
export function useActionFilters(): [ActionFilters, (change: Partial<Record<keyof ActionFilters, string | null>>) => void] {
  const [params, setParams] = useSearchParams();
  const city = params.get('city');
  const filters: ActionFilters = {
    state: pick(params.get('state'), ACTION_STATES),
    kind: pick(params.get('kind'), ACTION_KINDS),
    city: city && /^\d{6}$/.test(city) ? city : undefined,
    overdue: params.get('overdue') === 'true' ? 'true' : undefined,
  };
  const set = (change: Partial<Record<keyof ActionFilters, string | null>>) =>
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
