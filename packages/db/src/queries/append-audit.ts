import type { Db } from '../client.ts';
import { auditLog } from '../schema/access.ts';

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

/** Who acted, for the writes that record their own action: an account, or 'cli'. */
export type Actor = Pick<AuditEntry, 'actorId' | 'actorLogin' | 'address'>;

/**
 * The audit line as a query: await it alone (a failed sign-in changes nothing else), or put it in `db.batch`
 * with the write it records, so that both land or neither.
 */
export function appendAudit(db: Pick<Db, 'insert'>, entry: AuditEntry) {
  const { detail, ...line } = entry;
  return db.insert(auditLog).values({ ...line, detail: detail ? JSON.stringify(detail) : null });
}
