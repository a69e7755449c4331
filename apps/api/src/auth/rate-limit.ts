/**
 * Failed sign-ins counted per key (an account, an address) over a sliding window. In memory: one server process.
 * Several servers on a remote libSQL would count in the database instead.
 *
 * An attempt is counted *before* its password is checked (`reserve`), in the same synchronous step as the check
 * of the limit: checking a password awaits a hash, and a limit read before that await and written after it let
 * every concurrent guess through. A right password then gives its reservation back (`release`) or clears the key.
 */
export class FailureLimiter {
  /** Per key, its attempts in the window, oldest first; an attempt is an object so that it can be given back. */
  private readonly attempts = new Map<string, { at: number }[]>();

  constructor(
    readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  private recent(key: string): { at: number }[] {
    const since = this.now() - this.windowMs;
    const kept = (this.attempts.get(key) ?? []).filter((a) => a.at > since);
    if (kept.length) this.attempts.set(key, kept);
    else this.attempts.delete(key);
    return kept;
  }

  /** Milliseconds until the key may try again, or 0 when it may try now. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    return recent.length < this.limit ? 0 : recent[0]!.at + this.windowMs - this.now();
  }

  /** Attempts left in the window. */
  remaining(key: string): number {
    return Math.max(0, this.limit - this.recent(key).length);
  }

  /** Counts an attempt now; it stays counted (as a failure) unless released. */
  reserve(key: string): { at: number } {
    const attempt = { at: this.now() };
    this.attempts.set(key, [...this.recent(key), attempt]);
    return attempt;
  }

  /** Gives back one reserved attempt that turned out not to be a failure. */
  release(key: string, attempt: { at: number }): void {
    const kept = (this.attempts.get(key) ?? []).filter((a) => a !== attempt);
    if (kept.length) this.attempts.set(key, kept);
    else this.attempts.delete(key);
  }

  clear(key: string): void {
    this.attempts.delete(key);
  }
}

/** One attempt counted against several limits at once (an account and an address). */
export interface Reservation {
  /** attempts left, across the limits, now that this one is counted */
  remaining: number;
  /** the attempt was not a failure: give it back to every limit */
  release(): void;
}

/**
 * Checks every limit and, if none holds the attempt back, counts it against all of them — synchronously, so no
 * other request can come between the check and the count. Answers the wait in milliseconds when held back.
 */
export function reserveAttempt(slots: readonly (readonly [FailureLimiter, string])[]): Reservation | { wait: number } {
  const wait = Math.max(0, ...slots.map(([limiter, key]) => limiter.retryAfter(key)));
  if (wait > 0) return { wait };
  const reserved = slots.map(([limiter, key]) => [limiter, key, limiter.reserve(key)] as const);
  return {
    remaining: Math.min(...slots.map(([limiter, key]) => limiter.remaining(key))),
    release: () => reserved.forEach(([limiter, key, attempt]) => limiter.release(key, attempt)),
  };
}
