import { expect, test } from 'vitest';
import { metricRow } from '../testing/metric-row.ts';
import { overdrafts } from './round-balance.ts';

/** One county's year: each month's year-to-date budget and audited (yuan). */
const year = (months: readonly [budget: number, audited: number][]) =>
  months.map(([fundsBudget, fundsAudited]) => [metricRow({ code: '430104', name: '岳麓区', level: 'county', fundsBudget, fundsAudited })]);

// Budget 1,000万 all year; audited 100万 in January, then 200万 more a month: 结余 900, 700, 500, 300, 100, −100 (万).
const SPENDING = year(Array.from({ length: 6 }, (_, i) => [10_000_000, i === 0 ? 1_000_000 : 1_000_000 + 2_000_000 * i]));

test.each([
  { name: 'giving 50万 from January: every month stays at or above zero but June, already overspent', from: 1, change: -500_000, want: [{ month: 6, unspent: -1_500_000, firstMonth: 6 }] },
  { name: 'giving 100万 from May (May and June checked): May falls to exactly zero, June below', from: 5, change: -1_000_000, want: [{ month: 6, unspent: -2_000_000, firstMonth: 6 }] },
  { name: 'giving 300万 in January: fine in January, zero in April, below zero from May, lowest in June', from: 1, change: -3_000_000, want: [{ month: 6, unspent: -4_000_000, firstMonth: 5 }] },
  { name: 'receiving 100万 from June covers June’s overspend exactly', from: 6, change: 1_000_000, want: [] },
])('$name', ({ from, change, want }) => {
  expect(overdrafts(SPENDING, from, new Map([['430104', change]]))).toEqual(want.map((w) => ({ regionCode: '430104', regionName: '岳麓区', ...w })));
});

test('a month where 结余 falls to exactly zero is allowed; a yuan more is not', () => {
  const months = year([[10_000_000, 2_000_000], [10_000_000, 7_000_000], [10_000_000, 9_000_000]]);
  expect(overdrafts(months, 1, new Map([['430104', -1_000_000]]))).toEqual([]);
  expect(overdrafts(months, 1, new Map([['430104', -1_000_001]]))).toEqual([
    { regionCode: '430104', regionName: '岳麓区', month: 3, unspent: -1, firstMonth: 3 },
  ]);
});
