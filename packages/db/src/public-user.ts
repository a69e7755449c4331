import type { User } from '@dispatch/core';
import type { UserRow } from './schema/access.ts';

/** An account without its hash: what may leave the server (core's User). */
export function toPublicUser({ passwordHash: _, ...user }: UserRow): User {
  return user;
}
