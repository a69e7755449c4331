import { regionPath } from '@dispatch/core';
import type { User } from '@dispatch/core';

/** Only paths of this site: `/rankings?x=1`, never `//evil.example` or `https://…`. */
export function safeReturnPath(next: string | null): string | null {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\') || next.startsWith('/login')) return null;
  return next;
}

/** Where a person lands after signing in without a page to return to: a city leader on the city view, and so on. */
export function landingPath(user: Pick<User, 'regionCode'>): string {
  return regionPath(user.regionCode);
}

export function loginPath(current: string): string {
  return current === '/' ? '/login' : `/login?next=${encodeURIComponent(current)}`;
}
