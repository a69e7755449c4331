import { findSession, type Db, type FoundSession } from '@dispatch/db';

interface Kept {
  session: FoundSession;
  /** the auth version it was read under */
  authVersion: number;
  /** when it was read, and when the session expires (ms) */
  readAt: number;
  expiresAt: number;
}

/**
 * Sessions kept in this process for a few seconds, so that a request does not look its session up in the database
 * each time. A kept session is used only while the database's auth version is the one it was read under — every
 * revocation (sign-out, new password, account changed or stopped) bumps it in the same transaction, in whichever
 * process — and while it is younger than `maxAgeMs` and not expired. Only sessions found are kept: a new
 * session is found in the database on its first request.
 */
export class SessionCache {
  private readonly kept = new Map<string, Kept>();

  constructor(
    private readonly maxAgeMs = 5_000,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** `authVersion` must have been read after the request arrived and before this lookup. */
  async find(db: Db, tokenHash: string, authVersion: number): Promise<FoundSession | undefined> {
    const now = this.now();
    const hit = this.kept.get(tokenHash);
    if (hit && hit.authVersion === authVersion && now - hit.readAt < this.maxAgeMs && now < hit.expiresAt) return hit.session;
    this.kept.delete(tokenHash);
    const session = await findSession(db, tokenHash, new Date(now).toISOString());
    if (session) {
      this.kept.set(tokenHash, { session, authVersion, readAt: now, expiresAt: Date.parse(session.expiresAt) });
      if (this.kept.size > this.maxEntries) this.kept.delete(this.kept.keys().next().value!);
    }
    return session;
  }
}
