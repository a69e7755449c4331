import { beijingDate } from '../display/time.ts';
import { awaitingStates, type ActionState } from './supervision-action.ts';

/**
 * 逾期: the due date ('YYYY-MM-DD', 答复截止) is a day of the Beijing calendar; an action still waiting for the
 * region's answer (open or returned) is overdue from the next Beijing day on (due 2020-07-28 → overdue from
 * 2020-07-29 00:00 Beijing, 2020-07-28T16:00Z). Once answered it waits for the province, not the region; once
 * closed, for nobody. (action-columns.ts says the same in SQL: overdueSql.)
 */
export function isOverdue(action: { dueDate: string; state: ActionState }, now: Date): boolean {
  return awaitingStates('region').includes(action.state) && beijingDate(now) > action.dueDate;
}
