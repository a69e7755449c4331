/**
 * SIGKILL under load and restart: the server dies mid-write (notes, settings, reallocation rounds, imports), as in
 * a crash or an out-of-memory kill, and is started again on the same file. Every write answered 2xx before the kill
 * must be there, the file must pass integrity_check, and the sessions signed in before must still work.
 */
import type { SpawnedServer } from '../testing/spawn-server.ts';
import { integrityCheck } from './checksum.ts';
import { importTargets, missingDataWrites, newDataLedger, recordRound, type DataLedger } from './data-writes.ts';
import { newLedger, runLoad, type Client, type Ledger } from './load.ts';
import { createPrng } from './prng.ts';
import type { Servers } from './servers.ts';
import type { Session } from './sessions.ts';
import { lostSessions, missingWrites } from './verify.ts';
import { waitFor } from './wait.ts';

export interface CrashPhase {
  restarts: number;
  survived: number;
  ledger: Ledger;
  /** reallocation rounds and imports answered 2xx before the kills */
  data: DataLedger;
  failures: string[];
  /** the server as the last restart left it, running */
  server: SpawnedServer;
}

function clientsOf(base: string, admin: Session, city: Session): Client[] {
  return [
    { base, session: admin, role: 'notes' },
    { base, session: city, role: 'notes' },
    { base, session: city, role: 'notes' },
    { base, session: admin, role: 'settings' },
    { base, session: city, role: 'reads' },
  ];
}

/** Imports and reallocation rounds, in turn, until the server stops answering. */
async function writeData(base: string, admin: Session, data: DataLedger, stopped: () => boolean): Promise<void> {
  try {
    while (!stopped()) {
      const n = ++data.begun;
      // Whichever has fewer answered, so that the rounds of kills alternate between cutting one and the other.
      await (data.imports.length <= data.rounds.length ? importTargets(base, admin, data, n) : recordRound(base, admin, data, n, 'K'));
    }
  } catch {
    // killed under it: the write's outcome is unknown, and not counted
  }
}

const dataAcked = (data: DataLedger) => data.rounds.length + data.imports.length;

/** Loads the server until `writes` more writes and one more write of data are answered, then kills it with SIGKILL. */
async function loadAndKill(server: SpawnedServer, sessions: [Session, Session], ledger: Ledger, data: DataLedger, writes: number, hangMs: number): Promise<void> {
  let killed = false;
  const target = ledger.acked + writes;
  const dataTarget = dataAcked(data) + 1;
  const load = Promise.all([runLoad(clientsOf(server.url, ...sessions), ledger, () => killed), writeData(server.url, sessions[0], data, () => killed)]);
  try {
    await waitFor(() => ledger.acked >= target && dataAcked(data) >= dataTarget, hangMs, `${writes} writes under load`);
  } finally {
    await server.kill('SIGKILL');
    killed = true;
    await load;
  }
}

/**
 * From the running `server` on `servers.url`, with sessions signed in before (a province administrator's and a
 * city's): `restarts` rounds of load, SIGKILL, restart, checks.
 */
export async function runCrashPhase(
  servers: Servers,
  first: SpawnedServer,
  sessions: [admin: Session, city: Session],
  options: { seed: number; restarts: number; writesPerRound: number; hangMs: number },
): Promise<CrashPhase> {
  const prng = createPrng(options.seed);
  const ledger = newLedger();
  const data = newDataLedger();
  const failures: string[] = [];
  let server = first;
  let survived = 0;
  for (let round = 1; round <= options.restarts; round++) {
    // A varying number of writes, so that the kill lands at different points of a write.
    await loadAndKill(server, sessions, ledger, data, options.writesPerRound + prng.int(options.writesPerRound), options.hangMs * 6);
    server = await servers.start();
    const integrity = await integrityCheck(servers.url);
    const problems = [
      ...(integrity === 'ok' ? [] : [`integrity_check: ${integrity}`]),
      ...(await lostSessions(server.url, sessions)),
      ...(await missingWrites(server.url, sessions[0], ledger, 'last')),
      ...(await missingDataWrites(server.url, sessions[0], data)),
    ];
    if (problems.length) failures.push(...problems.map((p) => `restart ${round}: ${p}`));
    else survived++;
  }
  failures.push(...ledger.problems, ...data.problems);
  return { restarts: options.restarts, survived, ledger, data, failures, server };
}
