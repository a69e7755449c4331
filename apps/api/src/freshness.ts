import { formatPeriod, type Freshness, type Period } from '@dispatch/core';
import { getFreshness, listClosedPeriods } from '@dispatch/db';
import type { Context } from 'hono';
import { regionMap } from './access.ts';
import type { AppEnv } from './router.ts';

/**
 * 数据到达情况 of a month as the API answers it: every city and county with its name and the last arrival of its data,
 * whether the month is closed (关账) and by whom, and how many counties have not arrived.
 */
export async function monthFreshness(c: Context<AppEnv>, period: Period): Promise<Freshness> {
  const db = c.get('db');
  const [rows, closures, regions] = await Promise.all([getFreshness(db, period), listClosedPeriods(db), regionMap(c)]);
  const closure = closures.find((p) => p.year === period.year && p.month === period.month);
  return {
    period: formatPeriod(period),
    closed: closure !== undefined,
    closedAt: closure?.closedAt ?? null,
    closedBy: closure?.closedByLogin ?? null,
    regions: rows.map(({ lastBatchId: _, ...row }) => ({ ...row, regionName: regions.get(row.regionCode)?.name ?? row.regionCode })),
    missing: rows.filter((r) => r.level === 'county' && r.lastArrivedAt === null).length,
  };
}
