import type { AuditLine } from '@dispatch/core';
import type { InStatement } from '@libsql/client';
import type { Db } from '../client.ts';

/** One line of the audit log: who, from where, what, which region. */
export interface AuditEntry {
  actorId: number | null;
  actorLogin: string | null;
  address: string | null;
  /** e.g. 'auth.login', 'auth.login-failed', 'user.create', 'user.password' */
  action: string;
  regionCode: string | null;
  /** what changed; never a password or a hash */
  detail?: Record<string, unknown>;
}

/** Put this in the same batch as the write it records: both land, or neither. */
export function appendAuditStatement(entry: AuditEntry): InStatement {
  return {
    sql: `INSERT INTO audit_log (actor_id, actor_login, address, action, region_code, detail) VALUES (?, ?, ?, ?, ?, ?)`,
    args: [entry.actorId, entry.actorLogin, entry.address, entry.action, entry.regionCode, entry.detail ? JSON.stringify(entry.detail) : null],
  };
}

/** For events that change nothing else, such as a failed sign-in. */
export async function appendAudit(db: Db, entry: AuditEntry): Promise<void> {
  await db.$client.execute(appendAuditStatement(entry));
}

export interface AuditFilter {
  /** exact login of whoever acted (or 'cli') */
  actor?: string;
  /** exact action, or a prefix ending in '.' ('auth.' for every sign-in event) */
  action?: string;
  /** this region and the regions under it */
  regionCode?: string;
  /** ISO timestamps (UTC, as stored), inclusive */
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}


/** Newest first, one page of the lines that match, with the total and the actions that occur at all. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<{ total: number; rows: AuditLine[]; actions: string[] }> {
  const where: string[] = [];
  const args: (string | number)[] = [];
  if (filter.actor) {
    where.push('a.actor_login = ?');
    args.push(filter.actor);
  }
  if (filter.action) {
    where.push(filter.action.endsWith('.') ? "a.action LIKE ? ESCAPE '\\'" : 'a.action = ?');
    args.push(filter.action.endsWith('.') ? `${filter.action.replace(/[\\%_]/g, '\\$&')}%` : filter.action);
  }
  if (filter.regionCode) {
    // Three levels: the region, its children, their children.
    where.push(`(a.region_code = ? OR a.region_code IN (
      SELECT code FROM regions WHERE parent_code = ? OR parent_code IN (SELECT code FROM regions WHERE parent_code = ?)))`);
    args.push(filter.regionCode, filter.regionCode, filter.regionCode);
  }
  if (filter.from) {
    where.push('a.at >= ?');
    args.push(filter.from);
  }
  if (filter.to) {
    where.push('a.at <= ?');
    args.push(filter.to);
  }
  const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
  const [count, page, actions] = await db.$client.batch(
    [
      { sql: `SELECT count(*) AS n FROM audit_log a ${clause}`, args },
      {
        sql: `SELECT a.id, a.at, a.actor_login, a.address, a.action, a.region_code, r.name AS region_name, a.detail
              FROM audit_log a LEFT JOIN regions r ON r.code = a.region_code ${clause}
              ORDER BY a.id DESC LIMIT ? OFFSET ?`,
        args: [...args, filter.pageSize, (filter.page - 1) * filter.pageSize],
      },
      'SELECT DISTINCT action FROM audit_log ORDER BY action',
    ],
    'read',
  );
  return {
    total: Number(count!.rows[0]!.n),
    rows: page!.rows.map((r) => ({
      id: Number(r.id),
      at: String(r.at),
      actorLogin: r.actor_login as string | null,
      address: r.address as string | null,
      action: String(r.action),
      regionCode: r.region_code as string | null,
      regionName: r.region_name as string | null,
      detail: r.detail ? (JSON.parse(String(r.detail)) as Record<string, unknown>) : null,
    })),
    actions: actions!.rows.map((r) => String(r.action)),
  };
}
