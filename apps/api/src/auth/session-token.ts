import { createHash, randomBytes } from 'node:crypto';

export const SESSION_COOKIE = 'dispatch_session';
export const SESSION_HOURS = 12;

/** A random session token for the cookie; only its hash is stored. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
