import { describe, expect, test } from 'vitest';
import { formatMonthLabel, formatPeriod, isPeriod, monthWindow, parsePeriod, periodLabel, periodWindow, previousPeriod, timeProgress } from './period.ts';

describe('periods', () => {
  test.each(['2020-01', '2020-12', '1999-06'])('%s is a period', (input) => {
    expect(isPeriod(input)).toBe(true);
    expect(formatPeriod(parsePeriod(input))).toBe(input);
  });

  test.each(['2020-13', '2020-00', '2020-5', '20-05', '2020/05', '', '2020-05-01'])('%s is rejected', (input) => {
    expect(isPeriod(input)).toBe(false);
    expect(() => parsePeriod(input)).toThrow(/YYYY-MM/);
  });

  test.each([
    [1, 0.0833],
    [5, 0.4167],
    [6, 0.5],
    [12, 1],
  ])('month %i has elapsed-time progress %d', (month, expected) => {
    expect(timeProgress({ year: 2020, month })).toBeCloseTo(expected, 4);
  });

  test('January has no previous month in the same year', () => {
    expect(previousPeriod({ year: 2020, month: 1 })).toBeNull();
    expect(previousPeriod({ year: 2020, month: 6 })).toEqual({ year: 2020, month: 5 });
  });

  test.each([
    ['2020-02', '2020-01-01', '2020-02-29'],
    ['2021-02', '2021-01-01', '2021-02-28'],
    ['2020-12', '2020-01-01', '2020-12-31'],
  ])('the window of %s runs from %s to %s', (period, from, to) => {
    expect(periodWindow(parsePeriod(period))).toEqual({ from, to });
  });
});

test.each([
  ['2020-05', '2020年1—5月'],
  ['2020-01', '2020年1月'],
  ['2020-12', '2020年1—12月'],
])('%s reads %s', (period, label) => {
  expect(periodLabel(parsePeriod(period))).toBe(label);
});

test('the month window of February 2020 is 1–29 February', () => {
  expect(monthWindow({ year: 2020, month: 2 })).toEqual({ from: '2020-02-01', to: '2020-02-29' });
});

test.each([
  ['2020-05', '2020年5月'],
  ['2020-12', '2020年12月'],
])('the month %s alone reads %s', (period, label) => {
  expect(formatMonthLabel(period)).toBe(label);
});
