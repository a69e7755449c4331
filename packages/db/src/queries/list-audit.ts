import type { AuditPage } from '@dispatch/core';
import { and, count, desc, eq, gte, inArray, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { auditLog } from '../schema/access.ts';
import { regions } from '../schema/regions.ts';

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

/** A text column starting with `prefix`, whose `%`, `_` and `\` are literal characters, not patterns. */
function startsWith(column: typeof auditLog.action, prefix: string): SQL {
  return sql`${column} LIKE ${`${prefix.replace(/[\\%_]/g, '\\$&')}%`} ESCAPE '\\'`;
}

/** A region and everything under it: itself, its children, their children. */
function withinRegion(db: Db, code: string): SQL {
  const children = db.select({ code: regions.code }).from(regions).where(eq(regions.parentCode, code));
  const grandchildren = db.select({ code: regions.code }).from(regions).where(inArray(regions.parentCode, children));
  return or(eq(auditLog.regionCode, code), inArray(auditLog.regionCode, children), inArray(auditLog.regionCode, grandchildren))!;
}

function conditions(db: Db, filter: AuditFilter): SQL | undefined {
  const { actor, action, regionCode, from, to } = filter;
  return and(
    actor ? eq(auditLog.actorLogin, actor) : undefined,
    action ? (action.endsWith('.') ? startsWith(auditLog.action, action) : eq(auditLog.action, action)) : undefined,
    regionCode ? withinRegion(db, regionCode) : undefined,
    from ? gte(auditLog.at, from) : undefined,
    to ? lte(auditLog.at, to) : undefined,
  );
}

/** Newest first, one page of the lines that match, with the total and the actions that occur at all. */
export async function listAudit(db: Db, filter: AuditFilter): Promise<Omit<AuditPage, 'page' | 'pageSize'>> {
  const where = conditions(db, filter);
  const [total, rows, actions] = await db.batch([
    db.select({ n: count() }).from(auditLog).where(where),
    db
      .select({
        id: auditLog.id, at: auditLog.at, actorLogin: auditLog.actorLogin, address: auditLog.address, action: auditLog.action,
        regionCode: auditLog.regionCode, regionName: regions.name, detail: auditLog.detail,
      })
      .from(auditLog)
      .leftJoin(regions, eq(regions.code, auditLog.regionCode))
      .where(where)
      .orderBy(desc(auditLog.id))
      .limit(filter.pageSize)
      .offset((filter.page - 1) * filter.pageSize),
    db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action),
  ]);
  return {
    total: total[0]!.n,
    rows: rows.map((row) => ({ ...row, detail: row.detail ? (JSON.parse(row.detail) as Record<string, unknown>) : null })),
    actions: actions.map((a) => a.action),
  };
}
