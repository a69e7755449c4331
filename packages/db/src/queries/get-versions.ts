import type { Db } from '../client.ts';

/**
 * The database's versions, read on every request: `data` (bumped by every write of data), `settings` (every
 * change of settings) and `auth` (every revocation: a sign-out, a new password, an account changed or stopped).
 * What a server process keeps in memory is current while the versions it was made under are.
 */
export interface Versions {
  data: number;
  settings: number;
  auth: number;
}

const KEYS = { data_version: 'data', settings_version: 'settings', auth_version: 'auth' } as const;
const SQL = `SELECT key, value FROM meta WHERE key IN (${Object.keys(KEYS).map((k) => `'${k}'`).join(', ')})`;

/** One small statement through the client itself: it runs on every request, so no query builder in between. */
export async function getVersions(db: Db): Promise<Versions> {
  const versions: Versions = { data: 0, settings: 0, auth: 0 };
  for (const row of (await db.$client.execute(SQL)).rows) versions[KEYS[row.key as keyof typeof KEYS]] = Number(row.value);
  return versions;
}

/** What every cached answer depends on, as one value: the data and settings versions, "12.3". */
export function cacheVersionOf({ data, settings }: Pick<Versions, 'data' | 'settings'>): string {
  return `${data}.${settings}`;
}
