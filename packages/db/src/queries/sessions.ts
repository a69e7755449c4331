import type { Role } from '@dispatch/core';
import type { Db } from '../client.ts';
import type { PublicUser } from './users.ts';
import { appendAuditStatement, type AuditEntry } from './audit.ts';

export interface NewSession {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  expiresAt: string;
  address: string | null;
}

/** Opens a session and records the sign-in in one batch; sessions that have expired are cleared on the way. */
export async function createSession(db: Db, session: NewSession, audit: AuditEntry): Promise<void> {
  await db.$client.batch(
    [
      { sql: "DELETE FROM sessions WHERE expires_at <= strftime('%Y-%m-%dT%H:%M:%fZ', 'now')", args: [] },
      {
        sql: 'INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at, address) VALUES (?, ?, ?, ?, ?)',
        args: [session.tokenHash, session.userId, session.csrfToken, session.expiresAt, session.address],
      },
      appendAuditStatement(audit),
    ],
    'write',
  );
}

/**
 * The account behind an unexpired session of an account not stopped (without its password hash), with the
 * session's CSRF token. Asked on
 * every request, so it is one indexed lookup in plain SQL, reading only the columns that may leave the server.
 */
export async function findSession(db: Db, tokenHash: string, now: string): Promise<{ user: PublicUser; csrfToken: string } | undefined> {
  const { rows } = await db.$client.execute({
    sql: `SELECT u.id, u.login, u.display_name, u.role, u.region_code, u.demo, u.created_at, u.password_changed_at, s.csrf_token
          FROM sessions s JOIN users u ON u.id = s.user_id
          WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled_at IS NULL`,
    args: [tokenHash, now],
  });
  const row = rows[0];
  if (!row) return undefined;
  return {
    user: {
      id: Number(row.id),
      login: String(row.login),
      displayName: String(row.display_name),
      role: row.role as Role,
      regionCode: String(row.region_code),
      demo: Boolean(row.demo),
      createdAt: String(row.created_at),
      passwordChangedAt: String(row.password_changed_at),
      disabledAt: null,
    },
    csrfToken: String(row.csrf_token),
  };
}

/** Ends one session and records the sign-out in one batch. */
export async function endSession(db: Db, tokenHash: string, audit: AuditEntry): Promise<void> {
  await db.$client.batch([{ sql: 'DELETE FROM sessions WHERE token_hash = ?', args: [tokenHash] }, appendAuditStatement(audit)], 'write');
}
