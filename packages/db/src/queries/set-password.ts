import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users, type UserRow } from '../schema/access.ts';
import { appendAudit, type Actor } from './append-audit.ts';
import { bumpAuthVersion } from './bump-auth-version.ts';

/** A new password ends every session of the account (the auth version bumped), in the same batch as its audit line. */
export async function setPassword(db: Db, user: UserRow, passwordHash: string, actor: Actor): Promise<void> {
  await db.batch([
    db.update(users).set({ passwordHash, passwordChangedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` }).where(eq(users.id, user.id)),
    db.delete(sessions).where(eq(sessions.userId, user.id)),
    bumpAuthVersion(db),
    appendAudit(db, { ...actor, action: 'user.password', regionCode: user.regionCode, detail: { login: user.login } }),
  ]);
}
