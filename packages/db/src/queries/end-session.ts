import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions } from '../schema/access.ts';
import { appendAudit, type AuditEntry } from './append-audit.ts';

/** Ends one session and records the sign-out in one batch. */
export async function endSession(db: Db, tokenHash: string, audit: AuditEntry): Promise<void> {
  await db.batch([db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)), appendAudit(db, audit)]);
}
