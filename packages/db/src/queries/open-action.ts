import type { Alert, NewAction } from '@dispatch/core';
import type { Db } from '../client.ts';
import { supervisionActions, supervisionSteps } from '../schema/supervision.ts';
import { appendAudit, type Actor } from './append-audit.ts';

/**
 * Opens a supervision action with its first step ('open', version 1) and its audit line (with the requirement's
 * text), in one write transaction. `alert` is the alert it cites as it stands now: frozen in the action.
 * Answers the new action's id.
 */
export async function openAction(db: Db, action: NewAction & { alert: Alert | null }, actor: Actor & { actorId: number }): Promise<number> {
  const { regionCode, period, kind, dueDate, requirement, alertRule, alert } = action;
  return db.transaction(
    async (tx) => {
      const [row] = await tx
        .insert(supervisionActions)
        .values({
          regionCode, period, kind, dueDate, requirement, alertRule: alertRule ?? null, alert: alert ? JSON.stringify(alert) : null,
          state: 'open', version: 1, openedBy: actor.actorId,
        })
        .returning({ id: supervisionActions.id });
      const id = row!.id;
      await tx.insert(supervisionSteps).values({ actionId: id, version: 1, step: 'open', actorId: actor.actorId, content: JSON.stringify({ requirement }) });
      await appendAudit(tx, {
        ...actor,
        action: 'action.open',
        regionCode,
        detail: { actionId: id, kind, period, dueDate, requirement, ...(alertRule ? { alertRule } : {}) },
      });
      return id;
    },
    { behavior: 'immediate' },
  );
}
