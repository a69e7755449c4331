import { lte, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions } from '../schema/access.ts';
import { appendAudit, type AuditEntry } from './append-audit.ts';

export type NewSession = typeof sessions.$inferInsert;

/** Opens a session and records the sign-in in one batch; sessions that have expired are cleared on the way. */
export async function createSession(db: Db, session: NewSession, audit: AuditEntry): Promise<void> {
  await db.batch([
    db.delete(sessions).where(lte(sessions.expiresAt, sql`strftime('%Y-%m-%dT%H:%M:%fZ', 'now')`)),
    db.insert(sessions).values(session),
    appendAudit(db, audit),
  ]);
}
