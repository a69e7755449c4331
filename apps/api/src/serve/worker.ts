import { configureDb, createDb, type Db } from '@dispatch/db';
import type { AddressInfo } from 'node:net';
import { createApp } from '../app.ts';
import type { Env } from '../env.ts';
import { listen } from '../listen.ts';
import { drainable, stopOnSignals } from './shutdown.ts';

/** The app on PORT with `db`, stopping gracefully on SIGTERM/SIGINT (and closing `db` then). */
export function serve(env: Env, db: Db, onListening?: (info: AddressInfo) => void): void {
  const app = createApp({ db, webDist: env.WEB_DIST || undefined, trustProxy: env.TRUST_PROXY });
  const server = listen(app, { port: env.PORT, hostname: env.HOST }, onListening);
  stopOnSignals(drainable(server), env.SHUTDOWN_TIMEOUT_MS, () => db.$client.close());
}

/**
 * A cluster worker: the primary has prepared the database, so the worker only opens it and serves the shared
 * port. The primary decides what a hang-up means (a rolling restart), so the worker ignores SIGHUP.
 */
export async function runWorker(env: Env): Promise<void> {
  process.on('SIGHUP', () => {});
  const options = { url: env.DATABASE_URL, ...(env.DATABASE_AUTH_TOKEN ? { authToken: env.DATABASE_AUTH_TOKEN } : {}) };
  const db = createDb(options);
  await configureDb(db, options);
  serve(env, db);
}
