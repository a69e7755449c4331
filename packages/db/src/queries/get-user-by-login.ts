import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users, type UserRow } from '../schema/access.ts';

/** The whole account row, hash included: for the server's own checks only, never for an answer. */
export async function getUserByLogin(db: Db, login: string): Promise<UserRow | undefined> {
  return (await db.select().from(users).where(eq(users.login, login)))[0];
}
