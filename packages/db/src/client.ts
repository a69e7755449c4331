import { createClient } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';

export interface DbConfig {
  /** `file:path.db`, `:memory:`, or `libsql://host` for a remote libSQL server */
  url: string;
  authToken?: string;
}

export function createDb({ url, authToken }: DbConfig) {
  const client = createClient(authToken ? { url, authToken } : { url });
  return drizzle(client, { schema });
}

export type Db = ReturnType<typeof createDb>;

/** Settings for an embedded database; a remote server keeps its own. */
export async function configureDb(db: Db, { url }: DbConfig): Promise<void> {
  await db.$client.execute('PRAGMA foreign_keys = ON');
  if (url.startsWith('file:')) {
    await db.$client.execute('PRAGMA journal_mode = WAL');
    await db.$client.execute('PRAGMA busy_timeout = 5000');
  }
}
