import type { Db } from '../client.ts';
import { appendAudit, type Actor } from './append-audit.ts';

export interface PeriodOfYear {
  year: number;
  /** 1–12 */
  month: number;
}

/**
 * 关账: closes a month — from now on every write that would change its figures is refused (ClosedPeriodError)
 * until an administrator reopens it. The closure and its audit line are one statement batch; closing a closed
 * month changes nothing and answers false.
 */
export async function closePeriod(db: Db, { year, month }: PeriodOfYear, actor: Actor): Promise<boolean> {
  const tx = await db.$client.transaction('write');
  try {
    const done = await tx.execute({
      sql: 'INSERT INTO period_closures (year, month, closed_by, closed_by_login) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
      args: [year, month, actor.actorId, actor.actorLogin],
    });
    if (done.rowsAffected === 0) return false;
    const line = appendAudit(db, { ...actor, action: 'period.close', regionCode: '430000', detail: { period: periodText(year, month) } }).toSQL();
    await tx.execute({ sql: line.sql, args: line.params as never });
    await tx.commit();
    return true;
  } finally {
    tx.close();
  }
}

export function periodText(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}
