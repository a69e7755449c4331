import { expect, test } from 'vitest';
import { addDays, addYears, beijingDate, beijingDayBounds, formatBeijingDateTime, formatBeijingTime, formatChineseDate, isCalendarDate } from './time.ts';

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

test.each([
  ['2026-11-25T22:30:01.000Z', '2026年11月26日 06:30'],
  ['2020-07-28T01:05:59.999Z', '2020年7月28日 09:05'],
])('%s reads %s, a Chinese date in Beijing time', (iso, shown) => {
  expect(formatBeijingDateTime(iso)).toBe(shown);
});

test.each([
  ['2026-11-26T15:59:59.999Z', '2026-11-26'],
  ['2026-11-26T16:00:00.000Z', '2026-11-27'],
])('%s falls on %s in Beijing', (iso, day) => {
  expect(beijingDate(new Date(iso))).toBe(day);
});

test('days read the way documents write them, and count across months', () => {
  expect(formatChineseDate('2020-07-08')).toBe('2020年7月8日');
  expect(addDays('2020-07-28', 10)).toBe('2020-08-07');
  expect(addDays('2020-12-25', 10)).toBe('2021-01-04');
});

test.each([
  ['2026-11-27', '2027-11-27'],
  ['2024-02-29', '2025-02-28'],
  ['2027-02-28', '2028-02-28'],
  ['2026-12-31', '2027-12-31'],
])('a year after %s is %s', (date, later) => {
  expect(addYears(date, 1)).toBe(later);
});
