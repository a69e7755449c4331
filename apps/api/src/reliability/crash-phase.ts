/**
 * SIGKILL under load and restart: the server dies mid-write, as in a power cut or an OOM kill, and is started again
 * on the same file. Every write answered 2xx before the kill must be there, the file must pass integrity_check,
 * and the sessions signed in before must still work.
 */
import { join } from 'node:path';
import { printedDemoPasswords, spawnServer, type SpawnedServer } from '../testing/spawn-server.ts';
import { integrityCheck } from './checksum.ts';
import { newLedger, runLoad, type Client, type Ledger } from './load.ts';
import { createPrng } from './prng.ts';
import { signIn, type Session } from './sessions.ts';
import { lostSessions, missingWrites } from './verify.ts';
import { waitFor } from './wait.ts';

export interface CrashPhase {
  restarts: number;
  survived: number;
  ledger: Ledger;
  failures: string[];
}

const SERVER_ENV = { DEMO_DATA: 'true', WEB_DIST: '', LOG_LEVEL: 'warn' };

function clientsOf(base: string, admin: Session, city: Session): Client[] {
  return [
    { base, session: admin, role: 'notes' },
    { base, session: city, role: 'notes' },
    { base, session: city, role: 'notes' },
    { base, session: admin, role: 'settings' },
    { base, session: city, role: 'reads' },
  ];
}

/** Loads the server until `writes` more writes are answered, then kills it with SIGKILL. */
async function loadAndKill(server: SpawnedServer, sessions: [Session, Session], ledger: Ledger, writes: number, hangMs: number): Promise<void> {
  let killed = false;
  const target = ledger.acked + writes;
  const load = runLoad(clientsOf(server.url, ...sessions), ledger, () => killed);
  try {
    await waitFor(() => ledger.acked >= target, hangMs, `${writes} writes under load`);
  } finally {
    await server.kill('SIGKILL');
    killed = true;
    await load;
  }
}

export async function runCrashPhase(dir: string, options: { seed: number; restarts: number; writesPerRound: number; hangMs: number }): Promise<CrashPhase> {
  const url = `file:${join(dir, 'crash.db')}`;
  const prng = createPrng(options.seed);
  const ledger = newLedger();
  const failures: string[] = [];
  let server = await spawnServer({ DATABASE_URL: url, ...SERVER_ENV });
  let survived = 0;
  try {
    const passwords = printedDemoPasswords(server.output);
    const sessions: [Session, Session] = [
      await signIn(server.url, 'demo-admin', passwords.get('demo-admin') ?? ''),
      await signIn(server.url, 'demo-city', passwords.get('demo-city') ?? ''),
    ];
    for (let round = 1; round <= options.restarts; round++) {
      // A varying number of writes, so that the kill lands at different points of a write.
      await loadAndKill(server, sessions, ledger, options.writesPerRound + prng.int(options.writesPerRound), options.hangMs * 6);
      server = await spawnServer({ DATABASE_URL: url, ...SERVER_ENV });
      const integrity = await integrityCheck(url);
      const problems = [
        ...(integrity === 'ok' ? [] : [`integrity_check: ${integrity}`]),
        ...(await lostSessions(server.url, sessions)),
        ...(await missingWrites(server.url, sessions[0], ledger, 'last')),
      ];
      if (problems.length) failures.push(...problems.map((p) => `restart ${round}: ${p}`));
      else survived++;
    }
  } finally {
    await server.stop();
  }
  failures.push(...ledger.problems);
  return { restarts: options.restarts, survived, ledger, failures };
}
