import type { Role } from '@dispatch/core';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users, type UserRow } from '../schema.ts';
import { appendAuditStatement, type AuditEntry } from './audit.ts';

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  regionCode: string;
  passwordHash: string;
  demo?: boolean;
}

/** An account without its hash: what may leave the server. */
export type PublicUser = Omit<UserRow, 'passwordHash'>;

export function toPublicUser({ passwordHash: _, ...user }: UserRow): PublicUser {
  return user;
}

export class LoginTakenError extends Error {
  constructor(readonly login: string) {
    super(`登录名 ${login} 已被使用`);
    this.name = 'LoginTakenError';
  }
}

/** Creates the account and its audit line in one batch. */
export async function createUser(db: Db, user: NewUser, audit: Omit<AuditEntry, 'action' | 'regionCode' | 'detail'>): Promise<PublicUser> {
  if (await getUserByLogin(db, user.login)) throw new LoginTakenError(user.login);
  const result = await db.$client.batch(
    [
      {
        sql: 'INSERT INTO users (login, display_name, role, region_code, password_hash, demo) VALUES (?, ?, ?, ?, ?, ?) RETURNING id',
        args: [user.login, user.displayName, user.role, user.regionCode, user.passwordHash, user.demo ? 1 : 0],
      },
      appendAuditStatement({
        ...audit,
        action: 'user.create',
        regionCode: user.regionCode,
        detail: { login: user.login, role: user.role, demo: Boolean(user.demo) },
      }),
    ],
    'write',
  );
  const id = Number(result[0]!.rows[0]!.id);
  return toPublicUser((await db.select().from(users).where(eq(users.id, id)))[0]!);
}

export async function getUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.login, login)))[0];
}

export async function listUsers(db: Db): Promise<PublicUser[]> {
  return (await db.select().from(users).orderBy(asc(users.login))).map(toPublicUser);
}

/** A new password ends every session of the account, in the same batch as its audit line. */
export async function setPassword(db: Db, user: UserRow, passwordHash: string, audit: Omit<AuditEntry, 'action' | 'regionCode' | 'detail'>): Promise<void> {
  await db.$client.batch(
    [
      {
        sql: "UPDATE users SET password_hash = ?, password_changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?",
        args: [passwordHash, user.id],
      },
      { sql: 'DELETE FROM sessions WHERE user_id = ?', args: [user.id] },
      appendAuditStatement({ ...audit, action: 'user.password', regionCode: user.regionCode, detail: { login: user.login } }),
    ],
    'write',
  );
}
