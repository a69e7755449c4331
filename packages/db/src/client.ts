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
  // An in-memory database has one connection, which an open transaction holds: there, reads take turns too.
  return drizzle(takingTurnsAndRetrying(client, { readsTakeTurns: isInMemory(url) }), { schema });
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
 * One writer at a time in this process. SQLite lets one connection write at a time, and the embedded client's calls
 * are synchronous: a second connection of the same process that waits for the write lock waits inside its busy
 * timeout with the event loop blocked, so the transaction holding the lock cannot go on to finish — both stall for
 * the whole timeout and one fails with SQLITE_BUSY (seen: three concurrent note writers, 5 s steps, 500s). So every
 * write — a write transaction, a batch, a statement that is not a plain read — first takes this process's turn,
 * queued in order; reads never wait (WAL: readers see the last commit). Other processes still meet the lock in
 * SQLite, where the busy timeout waits for them without anything of ours holding it.
 */
export class WriteTurn {
  private tail: Promise<void> = Promise.resolve();

  /** Resolves with the function that ends the turn (idempotent) once every earlier turn has ended. */
  async take(): Promise<() => void> {
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const before = this.tail;
    this.tail = before.then(() => ended);
    await before;
    let done = false;
    return () => {
      if (!done) {
        done = true;
        end();
      }
    };
  }

  async run<T>(work: () => Promise<T>): Promise<T> {
    const end = await this.take();
    try {
      return await work();
    } finally {
      end();
    }
  }
}

const isInMemory = (url: string) => url === ':memory:' || /^file::memory:/.test(url) || /[?&]mode=memory\b/.test(url);

/** A statement that only reads: it needs no write turn. */
function isRead(stmt: InStatement | string): boolean {
  const sql = typeof stmt === 'string' ? stmt : stmt.sql;
  return /^\s*(SELECT|EXPLAIN)\b/i.test(sql) || /^\s*PRAGMA\s+\w+\s*(;|$)/i.test(sql);
}

/**
 * The client, with one writer at a time in this process (WriteTurn) and a retry on SQLITE_BUSY for a statement, a
 * batch (both roll back whole on failure) and the start of a transaction; statements inside an open transaction are
 * the caller's to retry. A transaction holds the turn until it commits, rolls back or is closed.
 */
function takingTurnsAndRetrying(client: Client, { readsTakeTurns }: { readsTakeTurns: boolean }): Client {
  const execute = client.execute.bind(client);
  const batch = client.batch.bind(client);
  const transaction = client.transaction.bind(client);
  const turn = new WriteTurn();
  const run = <T>(write: boolean, work: () => Promise<T>) => (write || readsTakeTurns ? turn.run(work) : work());
  return Object.assign(client, {
    execute: ((stmt: InStatement | string, args?: InArgs) =>
      run(!isRead(stmt), () => retryWhenBusy(() => (typeof stmt === 'string' ? execute(stmt, args) : execute(stmt))))) as Client['execute'],
    // A batch that writes begins IMMEDIATE: it waits for another process's write lock at its start (the busy timeout)
    // instead of failing at once when a read of it has already seen an older snapshot (SQLITE_BUSY_SNAPSHOT).
    batch: ((stmts, mode) => {
      const writes = mode !== 'read' && !stmts.every((stmt) => isRead(Array.isArray(stmt) ? (stmt[0] as string) : stmt));
      return run(writes, () => retryWhenBusy(() => batch(stmts, writes && (mode ?? 'deferred') === 'deferred' ? 'write' : mode)));
    }) as Client['batch'],
    transaction: (async (mode) => {
      if (mode === 'read' && !readsTakeTurns) return retryWhenBusy(() => transaction(mode));
      const end = await turn.take();
      try {
        const tx = await retryWhenBusy(() => transaction(mode));
        const settle = <A extends unknown[], R>(f: (...a: A) => R) => (...a: A): R => {
          try {
            const result = f(...a);
            if (result instanceof Promise) return result.finally(end) as R;
            end();
            return result;
          } catch (err) {
            end();
            throw err;
          }
        };
        return Object.assign(tx, { commit: settle(tx.commit.bind(tx)), rollback: settle(tx.rollback.bind(tx)), close: settle(tx.close.bind(tx)) });
      } catch (err) {
        end();
        throw err;
      }
    }) as Client['transaction'],
  });
}
