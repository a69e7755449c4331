import type { Db } from '../client.ts';

/** SQLite's own check of every page and index: the problems it finds, none for a sound file. */
export async function checkIntegrity(db: Db): Promise<string[]> {
  const { rows } = await db.$client.execute('PRAGMA integrity_check');
  const found = rows.map((row) => String(row[0]));
  return found.length === 1 && found[0] === 'ok' ? [] : found;
}
