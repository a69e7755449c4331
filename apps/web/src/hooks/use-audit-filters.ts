import { useSearchParams } from 'wouter';

export const AUDIT_FILTERS = ['actor', 'action', 'region', 'from', 'to'] as const;
export type AuditFilterKey = (typeof AUDIT_FILTERS)[number];

/** The audit screen's filters and page, in the address; a new filter starts again at page 1. */
export function useAuditFilters() {
  const [params, setParams] = useSearchParams();
  const filters = Object.fromEntries(AUDIT_FILTERS.map((key) => [key, params.get(key) ?? ''])) as Record<AuditFilterKey, string>;
  const page = Math.max(1, Math.floor(Number(params.get('page'))) || 1);
  const update = (change: Partial<Record<AuditFilterKey | 'page', string>>) =>
    setParams((current) => {
      const next = new URLSearchParams(current);
      if (!('page' in change)) next.delete('page');
      for (const [key, value] of Object.entries(change)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  return {
    filters,
    page,
    setFilter: (key: AuditFilterKey, value: string) => update({ [key]: value }),
    setPage: (next: number) => update({ page: next > 1 ? String(next) : '' }),
  };
}
