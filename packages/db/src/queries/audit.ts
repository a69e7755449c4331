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
