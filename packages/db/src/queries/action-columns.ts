import type { Action, Alert } from '@dispatch/core';
import { eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/sqlite-core';
import type { Db } from '../client.ts';
import { users } from '../schema/access.ts';
import { regions } from '../schema/regions.ts';
import { supervisionActions as a } from '../schema/supervision.ts';

/** Shared by the queries that answer actions (not a query itself): the select with names, and the row's shape. */
const parent = alias(regions, 'parent');

/**
 * 逾期 in SQL, as core's isOverdue says it: due before `today` (the Beijing calendar day, 'YYYY-MM-DD') while the
 * region's answer is awaited (open or returned). The one place the queries take it from.
 */
export const overdueSql = (today: string) => sql<number>`(${a.state} IN ('open', 'returned') AND ${a.dueDate} < ${today})`;

/** An action with its region's and parent's names and who opened it; `overdue` computed against `today`. */
export function selectActions(db: Db, today: string) {
  return db
    .select({
      id: a.id, regionCode: a.regionCode, regionName: regions.name, level: regions.level, parentCode: regions.parentCode,
      parentName: parent.name, period: a.period, kind: a.kind, dueDate: a.dueDate, requirement: a.requirement, alertRule: a.alertRule,
      alert: a.alert, state: a.state, overdue: overdueSql(today), version: a.version,
      openedBy: users.displayName, openedAt: a.openedAt, updatedAt: a.updatedAt,
    })
    .from(a)
    .innerJoin(regions, eq(regions.code, a.regionCode))
    .leftJoin(parent, eq(parent.code, regions.parentCode))
    .innerJoin(users, eq(users.id, a.openedBy));
}

type Selected = Awaited<ReturnType<ReturnType<typeof selectActions>['all']>>[number];

export function toAction(row: Selected): Action {
  return {
    ...row,
    alertRule: row.alertRule as Action['alertRule'],
    alert: row.alert ? (JSON.parse(row.alert) as Alert) : null,
    overdue: Boolean(row.overdue),
  };
}
