import type { Db } from '../client.ts';
import { appendAudit, type Actor } from './append-audit.ts';
import { periodText, type PeriodOfYear } from './close-period.ts';

/**
 * 重新开账: removes a month's closure (its history stays in the audit log: who closed it when, who reopened it).
 * Answers false, changing nothing, when the month was not closed.
 */
export async function reopenPeriod(db: Db, { year, month }: PeriodOfYear, actor: Actor): Promise<boolean> {
  const tx = await db.$client.transaction('write');
  try {
    const { rows } = await tx.execute({ sql: 'DELETE FROM period_closures WHERE year = ? AND month = ? RETURNING closed_at, closed_by_login', args: [year, month] });
    const closure = rows[0];
    if (!closure) return false;
    const line = appendAudit(db, {
      ...actor, action: 'period.reopen', regionCode: '430000',
      detail: { period: periodText(year, month), closedAt: closure.closed_at, closedBy: closure.closed_by_login },
    }).toSQL();
    await tx.execute({ sql: line.sql, args: line.params as never });
    await tx.commit();
    return true;
  } finally {
    tx.close();
  }
}
