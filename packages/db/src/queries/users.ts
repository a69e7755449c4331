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

export interface UserChanges {
  displayName?: string;
  role?: Role;
  regionCode?: string;
  /** true stops the account, false lets it sign in again */
  disabled?: boolean;
}

/**
 * Changes an account in one batch with its audit line (what changed, from what to what). A change of post, home
 * region or a stop ends the account's sessions, so that nothing outlives the access it was opened with.
 * Answers the account as it now is; `changed` is empty when nothing differed.
 */
export async function updateUser(
  db: Db,
  user: UserRow,
  changes: UserChanges,
  audit: Omit<AuditEntry, 'action' | 'regionCode' | 'detail'>,
): Promise<{ user: PublicUser; changed: string[] }> {
  const next = {
    display_name: changes.displayName ?? user.displayName,
    role: changes.role ?? user.role,
    region_code: changes.regionCode ?? user.regionCode,
    disabled: changes.disabled ?? user.disabledAt !== null,
  };
  const diff: Record<string, [unknown, unknown]> = {};
  if (next.display_name !== user.displayName) diff.displayName = [user.displayName, next.display_name];
  if (next.role !== user.role) diff.role = [user.role, next.role];
  if (next.region_code !== user.regionCode) diff.regionCode = [user.regionCode, next.region_code];
  if (next.disabled !== (user.disabledAt !== null)) diff.disabled = [user.disabledAt !== null, next.disabled];
  const changed = Object.keys(diff);
  if (changed.length > 0) {
    const endsSessions = changed.some((field) => field !== 'displayName');
    await db.$client.batch(
      [
        {
          sql: `UPDATE users SET display_name = ?, role = ?, region_code = ?,
                disabled_at = CASE WHEN ? THEN coalesce(disabled_at, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) ELSE NULL END
                WHERE id = ?`,
          args: [next.display_name, next.role, next.region_code, next.disabled ? 1 : 0, user.id],
        },
        ...(endsSessions ? [{ sql: 'DELETE FROM sessions WHERE user_id = ?', args: [user.id] }] : []),
        appendAuditStatement({ ...audit, action: 'user.update', regionCode: next.region_code, detail: { login: user.login, changes: diff } }),
      ],
      'write',
    );
  }
  return { user: toPublicUser((await db.select().from(users).where(eq(users.id, user.id)))[0]!), changed };
}
