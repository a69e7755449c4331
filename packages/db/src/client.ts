import { createClient, LibsqlError, type Client, type InArgs, type InStatement } from '@libsql/client';
import { drizzle } from 'drizzle-orm/libsql';
import * as schema from './schema/index.ts';

export interface DbConfig {
  /** `file:path.db`, `:memory:`, or `libsql://host` for a remote libSQL server */
  url: string;
  authToken?: string;
}

/** How long a statement waits for another connection's (or process's) lock before SQLITE_BUSY, in ms. */
export const BUSY_TIMEOUT_MS = 5000;
/** Further attempts after SQLITE_BUSY, for what can be retried whole. */
const BUSY_RETRIES = 3;

export function createDb({ url, authToken }: DbConfig) {
  // `timeout` is SQLite's busy timeout, which the client sets on every connection of its pool as it opens it;
  // a `PRAGMA busy_timeout` would reach only the one connection it happened to run on.
  const client = createClient({ url, ...(authToken ? { authToken } : {}), timeout: BUSY_TIMEOUT_MS });
  return drizzle(retryingWhenBusy(client), { schema });
}

export type Db = ReturnType<typeof createDb>;

/** Settings for an embedded database; a remote server keeps its own. */
export async function configureDb(db: Db, { url }: DbConfig): Promise<void> {
  await db.$client.execute('PRAGMA foreign_keys = ON');
  if (url.startsWith('file:')) await db.$client.execute('PRAGMA journal_mode = WAL');
}

function isBusy(err: unknown): boolean {
  return err instanceof LibsqlError && err.code === 'SQLITE_BUSY';
}

/**
 * Runs `operation` again, after a short randomised pause, when it fails with SQLITE_BUSY: another process held
 * the lock past the busy timeout (a demo fill, a long import). Only for operations that are all-or-nothing.
 */
export async function retryWhenBusy<T>(operation: () => Promise<T>, retries = BUSY_RETRIES): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await operation();
    } catch (err) {
      if (!isBusy(err) || attempt >= retries) throw err;
      await new Promise((resolve) => setTimeout(resolve, 50 * 2 ** attempt + Math.random() * 50));
    }
  }
}

/**
 * The client, with a retry on SQLITE_BUSY for a statement, a batch (both roll back whole on failure) and the
 * start of a transaction; statements inside an open transaction are the caller's to retry.
 */
function retryingWhenBusy(client: Client): Client {
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  const transaction = client.transaction.bind(client);
  return Object.assign(client, {
    execute: ((stmt: InStatement | string, args?: InArgs) =>
      retryWhenBusy(() => (typeof stmt === 'string' ? execute(stmt, args) : execute(stmt)))) as Client['execute'],
    batch: ((stmts, mode) => retryWhenBusy(() => batch(stmts, mode))) as Client['batch'],
    transaction: ((mode) => retryWhenBusy(() => transaction(mode))) as Client['transaction'],
  });
}
