import { forgetSignInFailures, reserveSignInAttempt, type AttemptSlot, type Db } from '@dispatch/db';

/**
 * Failed sign-ins counted per key (an account, an address) over a sliding window, in the database, so that the
 * limit holds across every server process on it.
 *
 * An attempt is counted *before* its password is checked (`reserveAttempt`), in the same statement as the check
 * of the limit: checking a password awaits a hash, and a limit read before that await and written after it let
 * every concurrent guess through. A right password then gives its reservation back (`release`) and may clear keys.
 */
export type { AttemptSlot };

/** One attempt counted against several limits at once (an account and an address). */
export interface Reservation {
  /** attempts left, across the limits, now that this one is counted */
  remaining: number;
  /** ms until the keys may try again should this attempt stay a failure (0 while attempts remain) */
  waitIfFailed: number;
  /** the attempt was not a failure: give it back to every limit, and forget every failure of `clearKeys` */
  release(clearKeys?: readonly string[]): Promise<void>;
}

/**
 * Checks every limit and, if none holds the attempt back, counts it against all of them, atomically. Answers the
 * wait in milliseconds when held back. `now` in ms (the system's clock unless a test fixes it).
 */
export async function reserveAttempt(db: Db, slots: readonly AttemptSlot[], windowMs: number, now = Date.now()): Promise<Reservation | { wait: number }> {
  const { ids, counted } = await reserveSignInAttempt(db, slots, now, windowMs);
  // A key at its limit may try again when its oldest failure in the window leaves it.
  // Never more than the window: under load another process's attempt, stamped after `now` was read here, can be
  // counted first, and its time would otherwise say 16 minutes for a 15-minute window.
  const wait = Math.max(0, ...counted.map((c, i) => (c.n >= slots[i]!.limit ? Math.min(windowMs, c.oldest + windowMs - now) : 0)));
  if (!ids) return { wait: Math.max(1, wait) };
  return {
    remaining: Math.max(0, Math.min(...counted.map((c, i) => slots[i]!.limit - c.n))),
    waitIfFailed: wait,
    release: (clearKeys = []) => forgetSignInFailures(db, ids, clearKeys),
  };
}
