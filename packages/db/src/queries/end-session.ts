import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions } from '../schema/access.ts';
import { appendAudit, type AuditEntry } from './append-audit.ts';
import { bumpAuthVersion } from './bump-auth-version.ts';

/** Ends one session, bumps the auth version (no process keeps it in memory) and records the sign-out, in one batch. */
export async function endSession(db: Db, tokenHash: string, audit: AuditEntry): Promise<void> {
  await db.batch([db.delete(sessions).where(eq(sessions.tokenHash, tokenHash)), bumpAuthVersion(db), appendAudit(db, audit)]);
}
