import { BulletinDocumentSchema, type BulletinDocument } from '@dispatch/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { bulletins } from '../schema/bulletins.ts';

export type StoredBulletinFormat = 'pdf' | 'docx' | 'xlsx';

/** An issued bulletin's stored file, byte for byte, with its SHA-256 and the document model it was rendered from. */
export async function getBulletinFile(
  db: Pick<Db, 'select'>,
  id: number,
  format: StoredBulletinFormat,
): Promise<{ file: Buffer; sha256: string; document: BulletinDocument } | undefined> {
  const columns = {
    pdf: { file: bulletins.pdf, sha256: bulletins.pdfSha256 },
    docx: { file: bulletins.docx, sha256: bulletins.docxSha256 },
    xlsx: { file: bulletins.xlsx, sha256: bulletins.xlsxSha256 },
  }[format];
  const [row] = await db.select({ ...columns, document: bulletins.document }).from(bulletins).where(eq(bulletins.id, id));
  if (!row) return undefined;
  return { file: Buffer.from(row.file), sha256: row.sha256, document: BulletinDocumentSchema.parse(JSON.parse(row.document)) };
}
