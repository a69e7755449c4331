import type { Role, User } from '@dispatch/core';
import { LibsqlError } from '@libsql/client';
import type { Db } from '../client.ts';
import { toPublicUser } from '../public-user.ts';
import { users } from '../schema/access.ts';
import { appendAudit, type Actor } from './append-audit.ts';

export interface NewUser {
  login: string;
  displayName: string;
  role: Role;
  regionCode: string;
  passwordHash: string;
  demo?: boolean;
}

export class LoginTakenError extends Error {
  constructor(readonly login: string) {
    super(`登录名 ${login} 已被使用`);
    this.name = 'LoginTakenError';
  }
}

/**
 * Creates the account and its audit line in one batch. A taken login is refused by the table's unique index, so
 * two requests for the same new login cannot both succeed.
 */
export async function createUser(db: Db, user: NewUser, actor: Actor): Promise<User> {
  try {
    const [[created]] = await db.batch([
      db.insert(users).values({ ...user, demo: Boolean(user.demo) }).returning(),
      appendAudit(db, {
        ...actor,
        action: 'user.create',
        regionCode: user.regionCode,
        detail: { login: user.login, role: user.role, demo: Boolean(user.demo) },
      }),
    ]);
    return toPublicUser(created!);
  } catch (err) {
    if (isUniqueViolation(err, 'users.login')) throw new LoginTakenError(user.login);
    throw err;
  }
}

function isUniqueViolation(err: unknown, column: string): boolean {
  const cause = err instanceof LibsqlError ? err : (err as { cause?: unknown } | null)?.cause;
  return cause instanceof LibsqlError && cause.code.startsWith('SQLITE_CONSTRAINT') && cause.message.includes(column);
}
