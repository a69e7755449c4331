import type { AccountChanges, User } from '@dispatch/core';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { toPublicUser } from '../public-user.ts';
import { sessions, users, type UserRow } from '../schema/access.ts';
import { appendAudit, type Actor } from './append-audit.ts';
import { bumpAuthVersion } from './bump-auth-version.ts';

/** Each field that differs, as [from, to]. */
function differences(user: UserRow, changes: AccountChanges): Record<string, [unknown, unknown]> {
  const before: Required<AccountChanges> = {
    displayName: user.displayName, role: user.role, regionCode: user.regionCode, disabled: user.disabledAt !== null,
  };
  const diff: Record<string, [unknown, unknown]> = {};
  for (const key of Object.keys(before) as (keyof AccountChanges)[]) {
    if (changes[key] !== undefined && changes[key] !== before[key]) diff[key] = [before[key], changes[key]];
  }
  return diff;
}

/**
 * Changes an account in one batch with its audit line (what changed, from what to what). A change of post, home
 * region or a stop ends the account's sessions, so that nothing outlives the access it was opened with. Any change
 * bumps the auth version: a session a process keeps in memory carries the account as it was (its name too).
 * Answers the account as it now is; `changed` is empty when nothing differed.
 */
export async function updateUser(db: Db, user: UserRow, changes: AccountChanges, actor: Actor): Promise<{ user: User; changed: string[] }> {
  const diff = differences(user, changes);
  const changed = Object.keys(diff);
  if (changed.length === 0) return { user: toPublicUser(user), changed };
  const { disabled, ...fields } = changes;
  const stop = disabled === undefined ? {} : { disabledAt: disabled ? sql`coalesce(${users.disabledAt}, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` : null };
  const endsSessions = changed.some((field) => field !== 'displayName');
  const [[updated]] = await db.batch([
    db.update(users).set({ ...fields, ...stop }).where(eq(users.id, user.id)).returning(),
    appendAudit(db, { ...actor, action: 'user.update', regionCode: changes.regionCode ?? user.regionCode, detail: { login: user.login, changes: diff } }),
    ...(endsSessions ? [db.delete(sessions).where(eq(sessions.userId, user.id))] : []),
    bumpAuthVersion(db),
  ]);
  return { user: toPublicUser(updated!), changed };
}
