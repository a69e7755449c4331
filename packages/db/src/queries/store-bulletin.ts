import type { BulletinDocument } from '@dispatch/core';
import { desc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bulletinExtracts, bulletins } from '../schema/bulletins.ts';
import { appendAudit, type Actor } from './append-audit.ts';
import { getBulletinDraftEdits } from './get-bulletin-draft-edits.ts';
import { getBulletinInputsStamp } from './get-bulletin-inputs-stamp.ts';
import { getCacheVersion } from './get-cache-version.ts';
import { getHighestIssueNumber } from './list-bulletins.ts';

/**
 * What an issued bulletin was made from, as seen before rendering it: the data and settings versions, the draft's
 * edits' version, the mark of the supervision actions, the month's notes and the rounds (getBulletinInputsStamp),
 * the month's latest issued version and the year's highest 第N期. Storing it checks that none moved.
 */
export interface BulletinSnapshot {
  cacheVersion: string;
  draftVersion: number;
  inputs: string;
  latest: { id: number; version: number; issueNumber: number; documentNumber: string | null; issuedAt: string } | null;
  highestOfYear: number | null;
}

export async function getBulletinSnapshot(db: Pick<Db, 'select' | 'all'>, period: string): Promise<BulletinSnapshot> {
  const [cacheVersion, draft, inputs, [latest], highestOfYear] = await Promise.all([
    getCacheVersion(db as Db),
    getBulletinDraftEdits(db, period),
    getBulletinInputsStamp(db, period),
    db
      .select({
        id: bulletins.id, version: bulletins.version, issueNumber: bulletins.issueNumber,
        documentNumber: sql<string | null>`json_extract(${bulletins.document}, '$.documentNumber')`, issuedAt: bulletins.issuedAt,
      })
      .from(bulletins)
      .where(eq(bulletins.period, period))
      .orderBy(desc(bulletins.version))
      .limit(1),
    getHighestIssueNumber(db, Number(period.slice(0, 4))),
  ]);
  return { cacheVersion, draftVersion: draft.version, inputs, latest: latest ?? null, highestOfYear };
}

export interface BulletinToStore {
  period: string;
  issueNumber: number;
  version: number;
  correctionOf: number | null;
  /** the document as rendered (no draft field) */
  document: BulletinDocument;
  files: Record<'pdf' | 'docx' | 'xlsx', Buffer>;
  sha256: Record<'pdf' | 'docx' | 'xlsx', string>;
  /** the 14 city extracts, rendered from the same input */
  extracts: readonly BulletinExtractToStore[];
}

/** A city's extract of a bulletin being issued: its document model and files, rendered before the transaction. */
export interface BulletinExtractToStore {
  cityCode: string;
  document: BulletinDocument;
  files: Record<'pdf' | 'docx' | 'xlsx', Buffer>;
  sha256: Record<'pdf' | 'docx' | 'xlsx', string>;
}

export type StoreBulletinResult = { ok: true; id: number } | { ok: false; reason: 'moved'; current: BulletinSnapshot };

/**
 * Stores a bulletin rendered from `seen`, with its city extracts, in one write transaction with its audit line ('bulletin.issue', or
 * 'bulletin.correct' for a correction): only if nothing it was made from moved since (else nothing is written and the
 * current snapshot is answered). The files are rendered before, so the write lock is held for the check and the insert.
 */
export async function storeBulletin(db: Db, bulletin: BulletinToStore, seen: BulletinSnapshot, actor: Actor & { actorId: number }): Promise<StoreBulletinResult> {
  return db.transaction(
    async (tx) => {
      const current = await getBulletinSnapshot(tx, bulletin.period);
      if (JSON.stringify(current) !== JSON.stringify(seen)) return { ok: false, reason: 'moved', current };
      const [row] = await tx
        .insert(bulletins)
        .values({
          period: bulletin.period, issueNumber: bulletin.issueNumber, version: bulletin.version, correctionOf: bulletin.correctionOf,
          document: JSON.stringify(bulletin.document), ...bulletin.files,
          pdfSha256: bulletin.sha256.pdf, docxSha256: bulletin.sha256.docx, xlsxSha256: bulletin.sha256.xlsx, issuedBy: actor.actorId,
        })
        .returning({ id: bulletins.id });
      if (bulletin.extracts.length) {
        await tx.insert(bulletinExtracts).values(bulletin.extracts.map((e) => ({
          bulletinId: row!.id, cityCode: e.cityCode, document: JSON.stringify(e.document), ...e.files,
          pdfSha256: e.sha256.pdf, docxSha256: e.sha256.docx, xlsxSha256: e.sha256.xlsx,
        })));
      }
      const { period, issueNumber, version, correctionOf, sha256 } = bulletin;
      await appendAudit(tx, {
        ...actor, action: correctionOf === null ? 'bulletin.issue' : 'bulletin.correct', regionCode: null,
        detail: { period, issueNumber, version, ...(correctionOf === null ? {} : { correctionOf }), documentNumber: bulletin.document.documentNumber, sha256 },
      });
      return { ok: true, id: row!.id };
    },
    { behavior: 'immediate' },
  );
}
