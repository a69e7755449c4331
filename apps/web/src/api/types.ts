import type { MetricRow, Region, RegionLevel } from '@dispatch/core';

export type { MetricRow, Region, RegionLevel };

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

export interface SeriesPoint extends MetricRow {
  period: string;
}

export interface SeriesResponse {
  region: Region;
  year: number;
  points: SeriesPoint[];
}

export interface ClassRow {
  classNo: string;
  regionCode: string;
  regionName: string;
  institution: string;
  occupation: string;
  trainingType: string;
  openedOn: string;
  finishedOn: string | null;
  enrolled: number;
  completed: number;
  subsidised: number;
  subsidyStandard: number;
  fundsAudited: number;
}

export interface ClassesResponse {
  period: string;
  total: number;
  page: number;
  pageSize: number;
  totals: { completed: number; subsidised: number; fundsAudited: number };
  rows: ClassRow[];
}
