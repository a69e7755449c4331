import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';

/** Put this statement in every write batch: readers compare versions to know their cached results are stale. */
export const bumpDataVersionStatement: InStatement = {
  sql: "UPDATE meta SET value = value + 1 WHERE key = 'data_version'",
  args: [],
};

export async function getDataVersion(db: Db): Promise<number> {
  const result = await db.$client.execute("SELECT value FROM meta WHERE key = 'data_version'");
  return Number(result.rows[0]?.value ?? 0);
}
