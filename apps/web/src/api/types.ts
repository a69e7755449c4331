import type { ClassList, MetricRow, Region, RegionLevel, SeriesPoint } from '@dispatch/core';

export type { MetricRow, Region, RegionLevel, SeriesPoint };

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

export interface SeriesResponse {
  region: Region;
  year: number;
  points: SeriesPoint[];
}

export interface ClassesResponse extends ClassList {
  period: string;
  page: number;
  pageSize: number;
}
