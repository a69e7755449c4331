import type { Db } from '../client.ts';

/** One limit an attempt counts against: at most `limit` failures of `key` in the window. */
export interface AttemptSlot {
  key: string;
  limit: number;
}

export interface AttemptReservation {
  /** the rows counted, to delete should the attempt not be a failure; null: held back, nothing counted */
  ids: number[] | null;
  /** per slot, its failures in the window (this attempt included when counted) and the oldest one's time */
  counted: { key: string; n: number; oldest: number }[];
}

/**
 * Counts an attempt against every slot unless one of them is already at its limit, in one write transaction:
 * the check and the count are one INSERT … SELECT … WHERE, so concurrent attempts — from any process on the
 * database — cannot all pass the check before any is counted. Failures older than the window are pruned first.
 * `now` and `windowMs` in milliseconds.
 */
export async function reserveSignInAttempt(db: Db, slots: readonly AttemptSlot[], now: number, windowMs: number): Promise<AttemptReservation> {
  const since = now - windowMs;
  const underLimit = slots.map(() => '(SELECT count(*) FROM sign_in_failures WHERE key = ? AND at > ?) < ?').join(' AND ');
  const [, inserted, counts] = await db.$client.batch(
    [
      { sql: 'DELETE FROM sign_in_failures WHERE at <= ?', args: [since] },
      {
        sql: `INSERT INTO sign_in_failures (key, at) SELECT column1, ? FROM (VALUES ${slots.map(() => '(?)').join(', ')}) WHERE ${underLimit} RETURNING id`,
        args: [now, ...slots.map((s) => s.key), ...slots.flatMap((s) => [s.key, since, s.limit])],
      },
      {
        sql: `SELECT key, count(*) AS n, min(at) AS oldest FROM sign_in_failures WHERE key IN (${slots.map(() => '?').join(', ')}) AND at > ? GROUP BY key`,
        args: [...slots.map((s) => s.key), since],
      },
    ],
    'write',
  );
  const counted = slots.map(({ key }) => {
    const row = counts!.rows.find((r) => r.key === key);
    return { key, n: Number(row?.n ?? 0), oldest: Number(row?.oldest ?? now) };
  });
  return { ids: inserted!.rows.length ? inserted!.rows.map((r) => Number(r.id)) : null, counted };
}
