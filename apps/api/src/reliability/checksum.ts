import { createHash } from 'node:crypto';
import { createDb } from '@dispatch/db';

/**
 * Tables that change without a write of data: sessions (a sign-in, a session's last use) and the sign-in limiter's
 * counts, whatever the table is named. Every other table is data and goes into the checksum.
 */
const VOLATILE = /^(sessions|sign_?in.*|login.*|.*_attempts_limit.*|rate_limit.*)$/;

/**
 * Rows a refused request writes on purpose, left out: a failed sign-in's audit line, a refused or checked (dry-run)
 * import's record (kept so that its marked-up report can be downloaded). An applied import's record stays in.
 */
const RECORDS_OF_REFUSALS: Record<string, string> = {
  audit_log: `action NOT LIKE 'auth.login%'`,
  import_attempts: `status = 'applied'`,
};

export interface Checksum {
  /** sha-256 over every data table's rows in order */
  hash: string;
  /** per table: its row count */
  tables: Record<string, number>;
  excluded: string[];
}

/** A hash over the ordered rows of every data table of the database at `url` (read while servers run on it). */
export async function dataChecksum(url: string): Promise<Checksum> {
  const db = createDb({ url });
  try {
    const names = (await db.$client.execute(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)).rows.map((r) => String(r[0]));
    const hash = createHash('sha256');
    const tables: Record<string, number> = {};
    const excluded = names.filter((name) => VOLATILE.test(name));
    for (const name of names.filter((n) => !VOLATILE.test(n))) {
      const where = RECORDS_OF_REFUSALS[name] ? ` WHERE ${RECORDS_OF_REFUSALS[name]}` : '';
      const columns = (await db.$client.execute(`SELECT name FROM pragma_table_info('${name}') ORDER BY cid`)).rows.map((r) => `"${String(r[0])}"`);
      const rows = (await db.$client.execute(`SELECT ${columns.join(', ')} FROM "${name}"${where} ORDER BY ${columns.join(', ')}`)).rows;
      hash.update(`${name}\n`);
      for (const row of rows) hash.update(JSON.stringify(Array.from(row, (v) => (typeof v === 'bigint' ? v.toString() : v instanceof ArrayBuffer ? Buffer.from(v).toString('base64') : v))) + '\n');
      tables[name] = rows.length;
    }
    return { hash: hash.digest('hex'), tables, excluded };
  } finally {
    db.$client.close();
  }
}

/** PRAGMA integrity_check of the database at `url`: 'ok' or its complaints. */
export async function integrityCheck(url: string): Promise<string> {
  const db = createDb({ url });
  try {
    return (await db.$client.execute('PRAGMA integrity_check')).rows.map((r) => String(r[0])).join('; ');
  } finally {
    db.$client.close();
  }
}
