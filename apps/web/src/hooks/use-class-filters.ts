import { CLASS_BASES, type ClassBasis, type ClassScope } from '@dispatch/core';
import { useSearchParams } from 'wouter';

export interface ClassFilters {
  basis: ClassBasis;
  scope: ClassScope;
  q: string;
  page: number;
}

/**
 * The class list's filters live in the address (`?basis=opened&scope=month&q=电工&page=2`), so a link opens the
 * same list; a new filter starts again at page 1.
 */
export function useClassFilters(): [ClassFilters, (change: Partial<ClassFilters>) => void] {
  const [params, setParams] = useSearchParams();
  const basisParam = params.get('basis');
  const filters: ClassFilters = {
    basis: CLASS_BASES.includes(basisParam as ClassBasis) ? (basisParam as ClassBasis) : 'finished',
    scope: params.get('scope') === 'month' ? 'month' : 'ytd',
    q: params.get('q') ?? '',
    page: Math.max(1, Math.floor(Number(params.get('page'))) || 1),
  };
  const set = (change: Partial<ClassFilters>) =>
    setParams(
      (current) => {
        const next = new URLSearchParams(current);
        const merged = { ...filters, page: 1, ...change };
        for (const [key, value, fallback] of [['basis', merged.basis, 'finished'], ['scope', merged.scope, 'ytd'], ['q', merged.q, ''], ['page', String(merged.page), '1']]) {
          if (value === fallback) next.delete(key!);
          else next.set(key!, value!);
        }
        return next;
      },
      { replace: change.q !== undefined },
    );
  return [filters, set];
}
