import { join } from 'node:path';
import { printedDemoPasswords, spawnServer } from '../testing/spawn-server.ts';
import { dataChecksum } from './checksum.ts';
import { fuzz, type FuzzFigures, type Identity } from './fuzz.ts';
import { signIn } from './sessions.ts';

/** The posts the fuzzer signs in as (demo accounts): the province's administrator, a city's, a county's. */
export const FUZZ_ACCOUNTS = [
  ['province-admin', 'demo-admin'],
  ['city', 'demo-city'],
  ['county', 'demo-county'],
] as const;

export interface FuzzPhase extends FuzzFigures {
  checksumBefore: string;
  checksumAfter: string;
  tablesHashed: string[];
  tablesExcluded: string[];
}

/** A new demo database, the server on it, sessions for the posts; the fuzzer; the data checksum before and after. */
export async function runFuzzPhase(dir: string, options: { seed: number; budget: number; concurrency: number; hangMs: number }): Promise<FuzzPhase> {
  const url = `file:${join(dir, 'fuzz.db')}`;
  const server = await spawnServer({ DATABASE_URL: url, DEMO_DATA: 'true', WEB_DIST: '', LOG_LEVEL: 'warn' });
  try {
    const passwords = printedDemoPasswords(server.output);
    const identities: Identity[] = [{ name: 'signed-out' }, { name: 'forged-session', forged: true }];
    for (const [name, login] of FUZZ_ACCOUNTS) {
      const session = await signIn(server.url, login, passwords.get(login) ?? '');
      identities.push({ name, cookie: session.cookie, csrf: session.csrf });
    }
    const before = await dataChecksum(url);
    const figures = await fuzz(server.url, identities, options);
    const after = await dataChecksum(url);
    return { ...figures, checksumBefore: before.hash, checksumAfter: after.hash, tablesHashed: Object.keys(before.tables), tablesExcluded: before.excluded };
  } finally {
    await server.stop();
  }
}
