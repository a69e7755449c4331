import type { Db } from '../client.ts';

/**
 * Writes a consistent copy of the whole database to `path` (a new file) while other connections and processes
 * go on writing: SQLite's `VACUUM INTO` reads inside one read transaction, so the copy is the database as of one
 * commit, with whatever the write-ahead log holds, compacted.
 */
export async function copyDatabase(db: Db, path: string): Promise<void> {
  await db.$client.execute({ sql: 'VACUUM INTO ?', args: [path] });
}
