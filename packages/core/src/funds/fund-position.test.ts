import { expect, test } from 'vitest';
import { metricRow } from '../testing/metric-row.ts';
import { fundPosition, spendsSlowly } from './fund-position.ts';

const province = { trainees: 1_000_000, fundsAudited: 900_000_000 }; // 900 yuan a person trained

test.each([
  // target, trainees, audited, budget → unspent, need, gap, surplus, basis
  { name: 'a gap: 6,000 left at 1,500 need 900万, 400万 left', row: [10_000, 4_000, 6_000_000, 10_000_000], want: [4_000_000, 9_000_000, 5_000_000, 0, 'region'] },
  { name: 'a surplus: 2,000 left at 500 need 100万 of 600万', row: [10_000, 8_000, 4_000_000, 10_000_000], want: [6_000_000, 1_000_000, 0, 5_000_000, 'region'] },
  { name: 'target reached: no need, the whole rest is surplus', row: [10_000, 10_500, 9_000_000, 10_000_000], want: [1_000_000, 0, 0, 1_000_000, 'region'] },
  { name: 'nothing trained yet: priced at the province’s 900', row: [10_000, 0, 0, 8_000_000], want: [8_000_000, 9_000_000, 1_000_000, 0, 'province'] },
  { name: 'trained but nothing audited yet: the province’s rate too', row: [10_000, 2_000, 0, 8_000_000], want: [8_000_000, 7_200_000, 0, 800_000, 'province'] },
  { name: 'audited beyond budget: the overspend adds to the gap', row: [10_000, 5_000, 6_000_000, 5_000_000], want: [-1_000_000, 6_000_000, 7_000_000, 0, 'region'] },
  { name: 'a need in fractions of a yuan is rounded once', row: [10, 3, 1_000, 0], want: [-1_000, 2_333, 3_333, 0, 'region'] },
] as const)('$name', ({ row: [target, trainees, fundsAudited, fundsBudget], want: [unspent, projectedNeed, gap, surplus, costBasis] }) => {
  const position = fundPosition(metricRow({ code: '430102', target, trainees, fundsAudited, fundsBudget }), province);
  expect(position).toMatchObject({ budget: fundsBudget, audited: fundsAudited, unspent, projectedNeed, gap, surplus, costBasis });
});

test('with nothing to price by, in the region or the province, the need is 0 and the basis null', () => {
  const position = fundPosition(metricRow({ code: '430102', target: 10_000, fundsBudget: 5_000_000 }), { trainees: 0, fundsAudited: 0 });
  expect(position).toMatchObject({ projectedNeed: 0, gap: 0, surplus: 5_000_000, costBasis: null, costPerTrainee: null });
});

test.each([
  [0.4, 0.5, true],
  [0.5, 0.5, false],
  [null, 0.5, false],
] as const)('funds ratio %s against time %s spends slowly: %s', (fundsRatio, timeProgress, slow) => {
  expect(spendsSlowly({ fundsRatio, timeProgress })).toBe(slow);
});
