import { BulletinDocumentSchema, type BulletinDocument } from '@dispatch/core';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bulletinExtracts, bulletins } from '../schema/bulletins.ts';

export type StoredBulletinFormat = 'pdf' | 'docx' | 'xlsx';

export type StoredBulletinFile = { file: Buffer; sha256: string; document: BulletinDocument };

/**
 * An issued bulletin's stored file, byte for byte, with its SHA-256 and the document model it was rendered from; with
 * `city`, that city's extract frozen with it ('no-extract' when the bulletin was issued before extracts were kept).
 */
export async function getBulletinFile(
  db: Pick<Db, 'select'>,
  id: number,
  format: StoredBulletinFormat,
  city?: string,
): Promise<StoredBulletinFile | 'no-extract' | undefined> {
  const table = city === undefined ? bulletins : bulletinExtracts;
  const columns = {
    pdf: { file: table.pdf, sha256: table.pdfSha256 },
    docx: { file: table.docx, sha256: table.docxSha256 },
    xlsx: { file: table.xlsx, sha256: table.xlsxSha256 },
  }[format];
  if (city !== undefined) {
    const [row] = await db
      .select({ ...columns, document: bulletinExtracts.document })
      .from(bulletinExtracts)
      .where(and(eq(bulletinExtracts.bulletinId, id), eq(bulletinExtracts.cityCode, city)));
    if (row) return { file: Buffer.from(row.file), sha256: row.sha256, document: BulletinDocumentSchema.parse(JSON.parse(row.document)) };
    const [issued] = await db.select({ id: bulletins.id }).from(bulletins).where(eq(bulletins.id, id));
    return issued ? 'no-extract' : undefined;
  }
  const [row] = await db.select({ ...columns, document: bulletins.document }).from(bulletins).where(eq(bulletins.id, id));
  if (!row) return undefined;
  return { file: Buffer.from(row.file), sha256: row.sha256, document: BulletinDocumentSchema.parse(JSON.parse(row.document)) };
}
