import type { Note } from '@dispatch/core';
import { and, asc, eq, or, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/access.ts';
import { regions } from '../schema/regions.ts';
import { regionNotes } from '../schema/supervision.ts';

export interface NotesFilter {
  id?: number;
  regionCode?: string;
  /** 'YYYY-MM' */
  period?: string;
  /** a city and its counties */
  city?: string;
  level?: 'city' | 'county';
}

function conditions(filter: NotesFilter): SQL | undefined {
  const { id, regionCode, period, city, level } = filter;
  return and(
    id === undefined ? undefined : eq(regionNotes.id, id),
    regionCode ? eq(regionNotes.regionCode, regionCode) : undefined,
    period ? eq(regionNotes.period, period) : undefined,
    city ? or(eq(regions.code, city), eq(regions.parentCode, city)) : undefined,
    level ? eq(regions.level, level) : undefined,
  );
}

/** Notes on the numbers, without their history: by month, then region, then in the order written. */
export async function listNotes(db: Db, filter: NotesFilter = {}): Promise<Note[]> {
  const rows = await db
    .select({
      id: regionNotes.id, regionCode: regionNotes.regionCode, regionName: regions.name, level: regions.level, parentCode: regions.parentCode,
      period: regionNotes.period, text: regionNotes.text, authorLogin: users.login, authorName: users.displayName,
      createdAt: regionNotes.createdAt, updatedAt: regionNotes.updatedAt, version: regionNotes.version,
    })
    .from(regionNotes)
    .innerJoin(regions, eq(regions.code, regionNotes.regionCode))
    .innerJoin(users, eq(users.id, regionNotes.authorId))
    .where(conditions(filter))
    .orderBy(asc(regionNotes.period), asc(regionNotes.regionCode), asc(regionNotes.id));
  return rows.map(({ authorLogin, authorName, ...row }) => ({ ...row, author: { login: authorLogin, name: authorName }, edited: row.version > 1 }));
}
