import { addYears, formatChineseDate } from '../display/time.ts';

/**
 * The dates an action carries, as days of the Beijing calendar ('YYYY-MM-DD', compared as text): the due date the
 * province sets (from today to a year ahead) and the date by which the region says it will have rectified (from today
 * to two years ahead). Each check answers why a date is refused, or null.
 */

/** The furthest due date: one calendar year after today. */
export function latestDueDate(today: string): string {
  return addYears(today, 1);
}

export function dueDateProblem(dueDate: string, today: string): string | null {
  if (dueDate < today) return `截止日期不能早于今天（${formatChineseDate(today)}）`;
  const latest = latestDueDate(today);
  if (dueDate > latest) return `截止日期不能晚于一年后（${formatChineseDate(latest)}）`;
  return null;
}

/** A rectification may take longer than an answer, but not beyond two years: later is a typing slip, not a plan. */
export function rectifyByProblem(rectifyBy: string, today: string): string | null {
  if (rectifyBy < today) return `整改完成时限不能早于今天（${formatChineseDate(today)}）`;
  const latest = addYears(today, 2);
  return rectifyBy > latest ? `整改完成时限不能晚于两年后（${formatChineseDate(latest)}）` : null;
}
