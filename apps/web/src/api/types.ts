import type { AuditLine, ClassList, MetricRow, Region, RegionLevel, Role, SeriesPoint } from '@dispatch/core';

export type { AuditLine, MetricRow, Region, RegionLevel, SeriesPoint };

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

export interface User {
  id: number;
  login: string;
  displayName: string;
  role: Role;
  regionCode: string;
  demo: boolean;
  createdAt: string;
  passwordChangedAt: string;
  disabledAt: string | null;
}

export interface SignedIn {
  user: User;
  csrfToken: string;
}


export interface AuditResponse {
  total: number;
  page: number;
  pageSize: number;
  actions: string[];
  rows: AuditLine[];
}
