import type { MetricRow, RegionLevel } from '@dispatch/core';

export type { MetricRow, RegionLevel };

export interface PeriodsResponse {
  periods: string[];
  latest: string | null;
  demo: boolean;
}

export interface MetricsResponse {
  period: string;
  level: RegionLevel;
  parentCode: string | null;
  rows: MetricRow[];
}
