import type { Alert } from '@dispatch/core';
import { useMemo } from 'react';
import { useAlertsQuery } from './use-alerts-query.ts';

/** The month's alerts of a level (and a city's, when given), by region: for badges on rows and map regions. */
export function useAlertsByRegion(period: string, level: 'city' | 'county', parent?: string): ReadonlyMap<string, Alert[]> {
  const alerts = useAlertsQuery({ period, level, parent }).data?.alerts;
  return useMemo(() => {
    const byRegion = new Map<string, Alert[]>();
    for (const alert of alerts ?? []) byRegion.set(alert.regionCode, [...(byRegion.get(alert.regionCode) ?? []), alert]);
    return byRegion;
  }, [alerts]);
}
