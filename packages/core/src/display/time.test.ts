import { expect, test } from 'vitest';
import { beijingDayBounds, formatBeijingTime, isCalendarDate } from './time.ts';

test.each([
  ['2026-11-24T15:59:59.000Z', '2026-11-24 23:59:59'],
  ['2026-11-24T16:00:00.000Z', '2026-11-25 00:00:00'],
  ['2020-12-31T17:30:05.123Z', '2021-01-01 01:30:05'],
])('%s is %s in Beijing', (iso, shown) => {
  expect(formatBeijingTime(iso)).toBe(shown);
});

test('a day of the Beijing calendar runs from 16:00 UTC the day before', () => {
  expect(beijingDayBounds('2026-11-25')).toEqual({ from: '2026-11-24T16:00:00.000Z', to: '2026-11-25T15:59:59.999Z' });
  expect(beijingDayBounds('2021-01-01')).toEqual({ from: '2020-12-31T16:00:00.000Z', to: '2021-01-01T15:59:59.999Z' });
});

test.each([
  ['2026-02-28', true],
  ['2024-02-29', true],
  ['2026-02-30', false],
  ['2026-13-01', false],
  ['25-11-2026', false],
])('%s is a calendar date: %s', (date, ok) => {
  expect(isCalendarDate(date)).toBe(ok);
});
