import type { MetricRow } from '@dispatch/core';
import { useCallback } from 'react';
import { useAccess } from '../auth/signed-in.ts';
import { withPeriod } from './use-period.ts';

/**
 * Where a region's name leads: a city to its view (its headline rows are for everyone), a county to its detail
 * page — only where the signed-in person may read that detail; elsewhere the name is not a link (undefined).
 */
export function useRegionLink(period: string): (row: Pick<MetricRow, 'code' | 'level'>) => string | undefined {
  const access = useAccess();
  return useCallback(
    (row) => {
      if (row.level === 'city') return withPeriod(`/city/${row.code}`, period);
      return access.can('read:detail', row.code) ? withPeriod(`/region/${row.code}`, period) : undefined;
    },
    [access, period],
  );
}
