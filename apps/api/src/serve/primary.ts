import cluster, { type Worker } from 'node:cluster';
import type { Env } from '../env.ts';
import { log } from '../log.ts';
import { announce, migrateDatabase } from './prepare.ts';

/** The cluster's workers now. */
const workerPid = (worker: Worker) => worker.process.pid;
const liveWorkers = (): Worker[] => Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);

/** How long the primary waits after a worker's own shutdown time before it kills the worker outright. */
const KILL_GRACE_MS = 5_000;
/** A worker that died before it listened is replaced after this pause, not at once (a crash at start would spin). */
const RESPAWN_PAUSE_MS = 1_000;

/**
 * The cluster's primary: serves nothing itself. Keeps WORKERS workers on the shared port (one that dies is
 * replaced), stops them all gracefully on SIGTERM/SIGINT, and on SIGHUP replaces them one at a time.
 */
export async function runPrimary(env: Env): Promise<void> {
  /** workers the primary itself asked to stop: their exit is not a death to replace */
  const retiring = new Set<Worker>();
  /** workers forked but not yet listening: whoever forked them handles their failure */
  const starting = new Set<Worker>();
  let stopping = false;

  /** A new worker, once it listens; rejected if it exits before. */
  const fork = () =>
    new Promise<Worker>((resolve, reject) => {
      const worker = cluster.fork();
      starting.add(worker);
      const onExit = (code: number | null, signal: string | null) => {
        reject(new Error(`worker ${workerPid(worker)} exited before listening (code ${code}, signal ${signal})`));
      };
      worker.once('exit', onExit);
      worker.once('listening', () => {
        starting.delete(worker);
        worker.off('exit', onExit);
        log.info({ event: 'worker-started', worker: workerPid(worker) }, 'worker listening');
        resolve(worker);
      });
    });

  /** Asks a worker to stop gracefully (its own SIGTERM handling); resolves when it has exited. */
  const retire = (worker: Worker) =>
    new Promise<void>((resolve) => {
      if (worker.isDead()) return resolve();
      retiring.add(worker);
      const kill = setTimeout(() => worker.process.kill('SIGKILL'), env.SHUTDOWN_TIMEOUT_MS + KILL_GRACE_MS);
      worker.once('exit', () => {
        clearTimeout(kill);
        resolve();
      });
      worker.process.kill('SIGTERM');
    });

  const replace = (): void => {
    if (stopping) return;
    fork().catch((err: Error) => {
      log.error({ event: 'worker-failed', err }, 'replacement worker failed to start; trying again');
      setTimeout(replace, RESPAWN_PAUSE_MS);
    });
  };

  cluster.on('exit', (worker, code, signal) => {
    const asked = retiring.delete(worker) || starting.delete(worker) || stopping;
    if (asked) {
      log.info({ event: 'worker-exited', worker: workerPid(worker), code, signal }, 'worker exited');
      return;
    }
    log.error({ event: 'worker-died', worker: workerPid(worker), code, signal }, 'worker died unexpectedly; replacing it');
    replace();
  });

  const stopAll = async (signal: NodeJS.Signals, exitCode = 0) => {
    if (stopping) return;
    stopping = true;
    const workers = liveWorkers();
    log.info({ event: 'shutdown', signal, workers: workers.map(workerPid) }, 'stopping every worker gracefully');
    await Promise.all(workers.map(retire));
    log.info({ event: 'stopped' }, 'stopped');
    process.exit(exitCode);
  };
  // Until every worker listens there is no set to replace; a hang-up then must not end the primary (the default).
  let onHangUp = () => log.warn({ event: 'restart-skipped' }, 'SIGHUP during start-up ignored; send it again once started');
  process.on('SIGHUP', () => onHangUp());
  process.on('SIGTERM', (signal) => void stopAll(signal));
  process.on('SIGINT', (signal) => void stopAll(signal));

  try {
    await Promise.all(Array.from({ length: env.WORKERS }, fork));
  } catch (err) {
    log.fatal({ event: 'start-failed', err }, 'a worker failed to start');
    await stopAll('SIGTERM', 1);
    return;
  }
  announce(env.PORT, env.WORKERS);
  log.info({ event: 'started', workers: liveWorkers().map(workerPid) }, 'serving; SIGHUP to this pid restarts the workers one at a time, SIGTERM stops');
  onHangUp = rollingRestart(env, { fork, retire, isStopping: () => stopping });
}

interface Pool {
  fork: () => Promise<Worker>;
  retire: (worker: Worker) => Promise<void>;
  isStopping: () => boolean;
}

/**
 * SIGHUP: applies the new release's migrations, then replaces the workers one at a time — a new one forked and
 * listening before an old one is asked to stop — so never fewer than WORKERS workers take new connections. A
 * SIGHUP during a restart runs another one after it.
 */
function rollingRestart(env: Env, pool: Pool): () => void {
  let running = false;
  let again = false;
  const restart = async () => {
    const old = liveWorkers();
    log.info({ event: 'restart', workers: old.map(workerPid) }, 'rolling restart: replacing workers one at a time');
    await migrateDatabase(env);
    for (const worker of old) {
      if (pool.isStopping()) return;
      if (worker.isDead()) continue;
      const fresh = await pool.fork();
      await pool.retire(worker);
      log.info({ event: 'worker-replaced', worker: workerPid(worker), by: workerPid(fresh) }, 'worker replaced');
    }
    log.info({ event: 'restart-done', workers: liveWorkers().map(workerPid) }, 'rolling restart done');
  };
  const run = async () => {
    running = true;
    do {
      again = false;
      try {
        await restart();
      } catch (err) {
        if (pool.isStopping()) log.info({ event: 'restart-stopped' }, 'rolling restart cut short by the shutdown');
        else log.error({ event: 'restart-failed', err }, 'rolling restart stopped; the workers not yet replaced keep serving');
      }
    } while (again && !pool.isStopping());
    running = false;
  };
  return () => {
    if (running) again = true;
    else void run();
  };
}
