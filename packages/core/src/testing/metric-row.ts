import type { MetricRow } from '../contract/metric-row.ts';

/** A whole metric row for a test, with zeros and nulls but for what the test spells out. */
export function metricRow(overrides: Partial<MetricRow> & Pick<MetricRow, 'code'>): MetricRow {
  return {
    name: `地区${overrides.code}`, level: 'city', parentCode: '430000', parentName: '湖南省', target: 0, fundsBudget: 0,
    classesOpened: 0, classesFinished: 0, trainees: 0, subsidised: 0, fundsAudited: 0, avgSubsidy: null, completionRatio: null,
    fundsRatio: null, timeProgress: 5 / 12, lag: null, rank: 1, rankChange: null, completionChange: null, monthCompletion: null,
    monthRank: 1, catchUpPerMonth: null, month: { classesOpened: 0, classesFinished: 0, trainees: 0, fundsAudited: 0 },
    ...overrides,
  };
}
