import { beijingDate } from '../display/time.ts';
import type { ActionState } from './supervision-action.ts';

/**
 * 逾期: the due date ('YYYY-MM-DD') is a day of the Beijing calendar; an action not yet closed is overdue from the
 * next Beijing day on (due 2020-07-28 → overdue from 2020-07-29 00:00 Beijing, 2020-07-28T16:00Z).
 */
export function isOverdue(action: { dueDate: string; state: ActionState }, now: Date): boolean {
  return action.state !== 'closed' && beijingDate(now) > action.dueDate;
}
