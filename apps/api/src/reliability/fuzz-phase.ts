import { dataChecksum } from './checksum.ts';
import { fuzz, type FuzzFigures, type Identity } from './fuzz.ts';
import type { Session } from './sessions.ts';

export interface FuzzPhase extends FuzzFigures {
  checksumBefore: string;
  checksumAfter: string;
  tablesHashed: string[];
  tablesExcluded: string[];
}

/**
 * The fuzzer against the server at `base` on the database `url`, signed out, with forged cookies and as each post
 * in `sessions` (name → session); the data checksum before and after.
 */
export async function runFuzzPhase(base: string, url: string, sessions: Record<string, Session>, options: { seed: number; budget: number; concurrency: number; hangMs: number }): Promise<FuzzPhase> {
  const identities: Identity[] = [{ name: 'signed-out' }, { name: 'forged-session', forged: true }];
  for (const [name, session] of Object.entries(sessions)) identities.push({ name, cookie: session.cookie, csrf: session.csrf });
  const before = await dataChecksum(url);
  const figures = await fuzz(base, identities, options);
  const after = await dataChecksum(url);
  return { ...figures, checksumBefore: before.hash, checksumAfter: after.hash, tablesHashed: Object.keys(before.tables), tablesExcluded: before.excluded };
}
