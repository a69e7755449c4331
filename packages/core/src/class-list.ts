import type { MetricRow } from './metrics.ts';

/** One class in a region's class list (培训班明细), as the API answers it. */
export interface ClassListRow {
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
  /** approved audits of this class dated inside the window, yuan */
  fundsAudited: number;
}

export interface ClassList {
  total: number;
  /** sums over every matching class, not only one page: they equal the dashboard's figures for the window */
  totals: { completed: number; subsidised: number; fundsAudited: number };
  rows: ClassListRow[];
}

/** A region's metric row for one month of a series. */
export interface SeriesPoint extends MetricRow {
  period: string;
}
