import type { User } from '@dispatch/core';
import { and, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { sessions, users } from '../schema/access.ts';

export interface FoundSession {
  user: User;
  csrfToken: string;
  /** ISO time */
  expiresAt: string;
}

/** Built once per database and reused: the lookup runs on every request. */
const prepared = new WeakMap<Db, ReturnType<typeof prepare>>();

function prepare(db: Db) {
  return db
    .select({
      id: users.id, login: users.login, displayName: users.displayName, role: users.role, regionCode: users.regionCode,
      demo: users.demo, createdAt: users.createdAt, passwordChangedAt: users.passwordChangedAt, csrfToken: sessions.csrfToken,
      expiresAt: sessions.expiresAt,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, sql.placeholder('tokenHash')), gt(sessions.expiresAt, sql.placeholder('now')), isNull(users.disabledAt)))
    .prepare();
}

/**
 * The account behind an unexpired session of an account not stopped, with the session's CSRF token. It reads
 * only the columns that may leave the server: never the password hash. `expiresAt` for a process that keeps it.
 */
export async function findSession(db: Db, tokenHash: string, now: string): Promise<FoundSession | undefined> {
  let query = prepared.get(db);
  if (!query) prepared.set(db, (query = prepare(db)));
  const [row] = await query.all({ tokenHash, now });
  if (!row) return undefined;
  const { csrfToken, expiresAt, ...user } = row;
  return { user: { ...user, disabledAt: null }, csrfToken, expiresAt };
}
