import type { Action, ActionKind, ActionState } from '@dispatch/core';
import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { regions } from '../schema/regions.ts';
import { supervisionActions as a } from '../schema/supervision.ts';
import { overdueSql, selectActions, toAction } from './action-columns.ts';

export interface ActionFilter {
  /** whose actions may be seen: null for all (province posts), else this region and the regions under it */
  scope: string | null;
  /** the Beijing calendar day, for `overdue` */
  today: string;
  state?: ActionState;
  /** any of these states (a to-do list) */
  states?: readonly ActionState[];
  kind?: ActionKind;
  regionCode?: string;
  /** a city and its counties */
  city?: string;
  overdue?: boolean;
}

/** A region and everything under it: itself, its children, their children (a viewer may sit at the province). */
function within(db: Db, code: string): SQL {
  const children = db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, code));
  return or(eq(regions.code, code), eq(regions.parentCode, code), inArray(regions.parentCode, children))!;
}

/** The actions that match, limited in SQL to the caller's scope: open ones first by due date, closed ones last. */
export async function listActions(db: Db, filter: ActionFilter): Promise<Action[]> {
  const { scope, today, state, states, kind, regionCode, city, overdue } = filter;
  const late = overdueSql(today);
  const rows = await selectActions(db, today)
    .where(
      and(
        scope === null ? undefined : within(db, scope),
        state ? eq(a.state, state) : undefined,
        states ? (states.length ? inArray(a.state, [...states]) : sql`0`) : undefined,
        kind ? eq(a.kind, kind) : undefined,
        regionCode ? eq(a.regionCode, regionCode) : undefined,
        city ? within(db, city) : undefined,
        overdue === undefined ? undefined : overdue ? late : sql`NOT ${late}`,
      ),
    )
    .orderBy(sql`${a.state} = 'closed'`, asc(a.dueDate), asc(a.id));
  return rows.map(toAction);
}
