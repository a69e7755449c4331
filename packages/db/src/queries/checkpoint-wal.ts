import type { Db } from '../client.ts';

/**
 * Moves everything in the write-ahead log into the database file and empties the log, so that the file alone holds
 * the whole database. Answers whether it could (another connection reading or writing keeps it from finishing).
 */
export async function checkpointWal(db: Db): Promise<boolean> {
  const { rows } = await db.$client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
  return Number(rows[0]?.[0] ?? 0) === 0;
}
