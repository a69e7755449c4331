import type { User } from '@dispatch/core';
import { asc } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { toPublicUser } from '../public-user.ts';
import { users } from '../schema/access.ts';

export async function listUsers(db: Db): Promise<User[]> {
  return (await db.select().from(users).orderBy(asc(users.login))).map(toPublicUser);
}
