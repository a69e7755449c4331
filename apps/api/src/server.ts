/**
 * `npm start`: one process serving the port (WORKERS=1), or Node's cluster — a primary that prepares the database
 * once and keeps WORKERS worker processes on the one port (serve/primary.ts). See the README, "Processes and restarts".
 */
import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import { checkDatabase, orExitOnConfigError, readEnv } from './env.ts';
import { runPrimary } from './serve/primary.ts';
import { announce, prepareDatabase } from './serve/prepare.ts';

if (existsSync('.env')) process.loadEnvFile('.env');
const env = await orExitOnConfigError(async () => {
  const env = readEnv();
  if (cluster.isPrimary) await checkDatabase(env);
  return env;
});

// The app is loaded only by the processes that serve it, not by a cluster's primary.
if (cluster.isWorker) {
  const { runWorker } = await import('./serve/worker.ts');
  await runWorker(env);
} else if (env.WORKERS > 1) {
  (await prepareDatabase(env)).$client.close();
  await runPrimary(env);
} else {
  const db = await prepareDatabase(env);
  const { serve } = await import('./serve/worker.ts');
  serve(env, db, (info) => announce(info.port, 1));
}
