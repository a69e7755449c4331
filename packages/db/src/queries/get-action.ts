import type { ActionStepContent, ActionThread } from '@dispatch/core';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/access.ts';
import { supervisionActions, supervisionSteps } from '../schema/supervision.ts';
import { selectActions, toAction } from './action-columns.ts';

/** One action and every step of it, oldest first, with who took each; undefined when there is no such action. */
export async function getAction(db: Db, id: number, today: string): Promise<ActionThread | undefined> {
  const [[row], steps] = await db.batch([
    selectActions(db, today).where(eq(supervisionActions.id, id)),
    db
      .select({
        step: supervisionSteps.step, version: supervisionSteps.version, actorName: users.displayName, actorLogin: users.login,
        at: supervisionSteps.at, content: supervisionSteps.content,
      })
      .from(supervisionSteps)
      .innerJoin(users, eq(users.id, supervisionSteps.actorId))
      .where(eq(supervisionSteps.actionId, id))
      .orderBy(asc(supervisionSteps.version)),
  ]);
  if (!row) return undefined;
  return { ...toAction(row), steps: steps.map((s) => ({ ...s, content: JSON.parse(s.content) as ActionStepContent })) };
}
