import type { IssuedBulletin } from '@dispatch/core';
import { and, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/access.ts';
import { bulletins } from '../schema/bulletins.ts';

/**
 * The archive of issued bulletins, newest first (without their files): numbers, who issued each and when, the
 * three files' SHA-256; `latest` marks each month's latest version (the one a correction replaces); `extracts` whether
 * its city extracts were frozen with it.
 */
export async function listBulletins(db: Pick<Db, 'select'>, filter: { period?: string; id?: number } = {}): Promise<IssuedBulletin[]> {
  const where: SQL[] = [];
  if (filter.period !== undefined) where.push(eq(bulletins.period, filter.period));
  if (filter.id !== undefined) where.push(eq(bulletins.id, filter.id));
  const latestVersion = sql<number>`(SELECT max(b2.version) FROM bulletins b2 WHERE b2.period = ${bulletins.period})`;
  const extracts = sql<number>`EXISTS (SELECT 1 FROM bulletin_extracts e WHERE e.bulletin_id = ${bulletins.id})`;
  const rows = await db
    .select({
      id: bulletins.id, period: bulletins.period, number: bulletins.issueNumber, version: bulletins.version, correctionOf: bulletins.correctionOf,
      documentNumber: sql<string | null>`json_extract(${bulletins.document}, '$.documentNumber')`, issuedBy: users.displayName, issuedAt: bulletins.issuedAt,
      pdf: bulletins.pdfSha256, docx: bulletins.docxSha256, xlsx: bulletins.xlsxSha256, latestVersion, extracts,
    })
    .from(bulletins)
    .innerJoin(users, eq(users.id, bulletins.issuedBy))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(bulletins.issuedAt), desc(bulletins.id));
  return rows.map(({ pdf, docx, xlsx, latestVersion: latest, extracts: kept, ...row }) => ({ ...row, sha256: { pdf, docx, xlsx }, latest: row.version === Number(latest), extracts: Number(kept) === 1 }));
}

/** The highest 第N期 issued for a year's months, or null before the year's first. */
export async function getHighestIssueNumber(db: Pick<Db, 'select'>, year: number): Promise<number | null> {
  const [row] = await db.select({ highest: sql<number | null>`max(${bulletins.issueNumber})` }).from(bulletins).where(sql`${bulletins.period} LIKE ${`${year}-%`}`);
  return row?.highest ?? null;
}
