import { expect, test } from 'vitest';
import { regionGaps } from './gaps.ts';
import { buildMetricRows } from './ranking.ts';
import { figures } from './test-fixtures.ts';

const may = { year: 2020, month: 5 };
const [county] = buildMetricRows(may, [figures('430102', { target: 12_000, ytd: { trainees: 3_000 } })], null);
const [province] = buildMetricRows(may, [figures('430000', { target: 100_000, ytd: { trainees: 40_000 } })], null);

test('gaps to the time line, the target and the province, by hand', () => {
  // Time line in May: 12,000 × 5/12 = 5,000 people; 3,000 trained → 2,000 short; 9,000 short of the target;
  // 0.25 against the province's 0.40 → −0.15.
  expect(regionGaps(county!, province, may)).toEqual({ toTimeLine: 2_000, toTarget: 9_000, toReference: 0.25 - 0.4 });
});

test('a region ahead of the time line has no gap to it', () => {
  const [ahead] = buildMetricRows(may, [figures('430103', { target: 1_200, ytd: { trainees: 900 } })], null);
  expect(regionGaps(ahead!, province, may)).toEqual({ toTimeLine: 0, toTarget: 300, toReference: 0.75 - 0.4 });
});

test('the time line in people rounds up: 1,001 × 5/12 = 417.08 needs 418 people', () => {
  const [row] = buildMetricRows(may, [figures('430104', { target: 1_001, ytd: { trainees: 400 } })], null);
  expect(regionGaps(row!, undefined, may)).toEqual({ toTimeLine: 18, toTarget: 601, toReference: null });
});
