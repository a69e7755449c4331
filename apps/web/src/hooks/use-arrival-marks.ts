import { useMemo } from 'react';
import { arrivalMarks, type ArrivalMark } from '../arrival-marks.ts';
import { useFreshnessQuery } from './use-freshness-query.ts';

/**
 * The month's 未报送 marks by region code, from GET /api/freshness (one query a period, shared by every table and
 * map of the page and the missing-data banner). Empty until it answers, and for a month that fully arrived.
 */
export function useArrivalMarks(period: string): ReadonlyMap<string, ArrivalMark> {
  const freshness = useFreshnessQuery(period).data;
  return useMemo(() => arrivalMarks(freshness), [freshness]);
}
