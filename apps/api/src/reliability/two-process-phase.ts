/**
 * Two server processes on one database file, written through both at once: notes, alert settings, reallocation
 * rounds, imports (dry run and apply). No answer may be a 5xx or carry SQLITE_BUSY, and every write answered 2xx
 * must be there, seen through either process; a session signed in through one works in the other.
 */
import type { SpawnedServer } from '../testing/spawn-server.ts';
import { importTargets, missingDataWrites, newDataLedger, recordRound, type DataLedger } from './data-writes.ts';
import { newLedger, runLoad, type Ledger } from './load.ts';
import type { Servers } from './servers.ts';
import type { Session } from './sessions.ts';
import { lostSessions, missingWrites } from './verify.ts';

export interface TwoProcessPhase {
  ledger: Ledger;
  data: DataLedger;
  failures: string[];
}

/** With `a` running on `servers.url`, starts a second process on the same file and writes through both. */
export async function runTwoProcessPhase(servers: Servers, a: SpawnedServer, [admin, city]: [admin: Session, city: Session], options: { dataWrites: number }): Promise<TwoProcessPhase> {
  const b = await servers.start();
  const ledger = newLedger();
  const data = newDataLedger();
  let dataDone = false;
  const dataWrites = (async () => {
    try {
      for (let n = 1; n <= options.dataWrites; n++) {
        await Promise.all([recordRound(a.url, admin, data, n, 'T'), importTargets(b.url, admin, data, n)]);
      }
    } finally {
      dataDone = true;
    }
  })();
  const load = runLoad(
    [
      { base: a.url, session: admin, role: 'notes' },
      { base: b.url, session: city, role: 'notes' },
      { base: a.url, session: admin, role: 'settings' },
      { base: b.url, session: admin, role: 'settings' },
      { base: a.url, session: city, role: 'reads' },
      { base: b.url, session: admin, role: 'reads' },
    ],
    ledger,
    () => dataDone,
  );
  await Promise.all([dataWrites, load]);
  const failures = [
    ...ledger.problems,
    ...data.problems,
    ...(ledger.unanswered ? [`${ledger.unanswered} requests got no answer`] : []),
    ...(await lostSessions(a.url, [admin, city])),
    ...(await lostSessions(b.url, [admin, city])),
  ];
  for (const server of [a, b]) {
    failures.push(...(await missingWrites(server.url, admin, ledger, 'any-acked')), ...(await missingDataWrites(server.url, admin, data)));
  }
  return { ledger, data, failures };
}
