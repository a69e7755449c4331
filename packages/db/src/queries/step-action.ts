import type { ActionEvent, ActionState, ActionStepContent } from '@dispatch/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { supervisionActions, supervisionSteps } from '../schema/supervision.ts';
import { appendAudit, type Actor } from './append-audit.ts';

export interface ActionStepWrite {
  id: number;
  regionCode: string;
  /** the version the step was decided on: if the action has moved on since, nothing is written */
  fromVersion: number;
  step: ActionEvent;
  to: ActionState;
  content: ActionStepContent;
}

class Stale extends Error {}

/**
 * Takes a step on an action: moves its state and version (only if it is still at `fromVersion`), records the
 * step and its audit line with the text, in one write transaction. Answers the new version, or 'stale' when
 * someone else stepped first (nothing written).
 */
export async function stepActionRow(db: Db, write: ActionStepWrite, actor: Actor & { actorId: number }): Promise<number | 'stale'> {
  const { id, regionCode, fromVersion, step, to, content } = write;
  const version = fromVersion + 1;
  try {
    return await db.transaction(
      async (tx) => {
        const moved = await tx
          .update(supervisionActions)
          .set({ state: to, version, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
          .where(and(eq(supervisionActions.id, id), eq(supervisionActions.version, fromVersion)));
        if (moved.rowsAffected !== 1) throw new Stale();
        await tx.insert(supervisionSteps).values({ actionId: id, version, step, actorId: actor.actorId, content: JSON.stringify(content) });
        await appendAudit(tx, { ...actor, action: `action.${step}`, regionCode, detail: { actionId: id, ...content } });
        return version;
      },
      { behavior: 'immediate' },
    );
  } catch (err) {
    if (err instanceof Stale) return 'stale';
    throw err;
  }
}
