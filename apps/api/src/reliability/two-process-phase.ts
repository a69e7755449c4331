/**
 * Two server processes on one database file, written through both at once: notes, alert settings, reallocation
 * rounds, imports (dry run and apply). No answer may be a 5xx or carry SQLITE_BUSY, and every write answered 2xx
 * must be there, seen through either process.
 */
import { join } from 'node:path';
import { printedDemoPasswords, spawnServer, type RunningServer } from '../testing/spawn-server.ts';
import { importTargets, missingDataWrites, newDataLedger, recordRound, type DataLedger } from './data-writes.ts';
import { newLedger, runLoad, type Ledger } from './load.ts';
import { signIn } from './sessions.ts';
import { lostSessions, missingWrites } from './verify.ts';

export interface TwoProcessPhase {
  ledger: Ledger;
  data: DataLedger;
  failures: string[];
}

const SERVER_ENV = { DEMO_DATA: 'true', WEB_DIST: '', LOG_LEVEL: 'warn' };

export async function runTwoProcessPhase(dir: string, options: { dataWrites: number }): Promise<TwoProcessPhase> {
  const url = `file:${join(dir, 'two.db')}`;
  const running: RunningServer[] = [];
  const ledger = newLedger();
  const data = newDataLedger();
  try {
    const a = await spawnServer({ DATABASE_URL: url, ...SERVER_ENV });
    running.push(a);
    const b = await spawnServer({ DATABASE_URL: url, ...SERVER_ENV });
    running.push(b);
    const passwords = printedDemoPasswords(a.output);
    const admin = await signIn(a.url, 'demo-admin', passwords.get('demo-admin') ?? '');
    const city = await signIn(b.url, 'demo-city', passwords.get('demo-city') ?? '');
    let dataDone = false;
    const dataWrites = (async () => {
      try {
        for (let n = 1; n <= options.dataWrites; n++) {
          await Promise.all([recordRound(a.url, admin, data, n), importTargets(b.url, admin, data, n)]);
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
      ...(await lostSessions(b.url, [admin])),
      ...(await lostSessions(a.url, [city])),
    ];
    for (const server of [a, b]) {
      failures.push(...(await missingWrites(server.url, admin, ledger, 'any-acked')), ...(await missingDataWrites(server.url, admin, data)));
    }
    return { ledger, data, failures };
  } finally {
    await Promise.all(running.map((s) => s.stop()));
  }
}
