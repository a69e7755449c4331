import { and, eq, gt } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users, type UserRow } from '../schema.ts';
import { appendAuditStatement, type AuditEntry } from './audit.ts';

export interface NewSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
  address: string | null;
}

/** Opens a session and records the sign-in in one batch. */
export async function createSession(db: Db, session: NewSession, audit: AuditEntry): Promise<void> {
  await db.$client.batch(
    [
      {
        sql: 'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, address) VALUES (?, ?, ?, ?, ?)',
        args: [session.tokenHash, session.userId, session.csrfToken, session.expiresAt, session.address],
      },
      appendAuditStatement(audit),
    ],
    'write',
  );
}

/** The account behind an unexpired session, with the session's CSRF token. */
export async function findSession(db: Db, tokenHash: string, now: string): Promise<{ user: UserRow; csrfToken: string } | undefined> {
  const [row] = await db
    .select({ user: users, csrfToken: sessions.csrfToken })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)));
  return row;
}

/** Ends one session and records the sign-out in one batch. */
export async function endSession(db: Db, tokenHash: string, audit: AuditEntry): Promise<void> {
  await db.$client.batch([{ sql: 'DELETE FROM sessions WHERE token_hash = ?', args: [tokenHash] }, appendAuditStatement(audit)], 'write');
}
