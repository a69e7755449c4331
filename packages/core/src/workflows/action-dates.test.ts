import { expect, test } from 'vitest';
import { dueDateProblem, latestDueDate, rectifyByProblem } from './action-dates.ts';

const TODAY = '2026-11-27';

test.each([
  ['2026-11-26', '截止日期不能早于今天（2026年11月27日）'],
  ['2026-11-27', null],
  ['2027-11-27', null],
  ['2027-11-28', '截止日期不能晚于一年后（2027年11月27日）'],
  ['2030-01-01', '截止日期不能晚于一年后（2027年11月27日）'],
])('due %s, today %s: %s', (dueDate, problem) => {
  expect(dueDateProblem(dueDate, TODAY)).toBe(problem);
});

test('a year from 29 February is the 28th', () => {
  expect(latestDueDate('2028-02-29')).toBe('2029-02-28');
});

test.each([
  ['2026-11-26', '整改完成时限不能早于今天（2026年11月27日）'],
  ['2026-11-27', null],
  ['2028-06-30', null],
  ['2028-11-27', null],
  ['2028-11-28', '整改完成时限不能晚于两年后（2028年11月27日）'],
  ['2099-01-01', '整改完成时限不能晚于两年后（2028年11月27日）'],
])('rectified by %s: %s', (rectifyBy, problem) => {
  expect(rectifyByProblem(rectifyBy, TODAY)).toBe(problem);
});
