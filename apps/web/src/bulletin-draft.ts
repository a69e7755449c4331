import { BULLETIN_EDITABLE_LABELS, type BulletinBlock, type BulletinDocument, type BulletinEditable, type BulletinEdits } from '@dispatch/core';

/** The parts staff write, in the document's order (from the labels: core's list of them lives with the zod contract, which stays on the server). */
export const EDITABLE_PARTS = Object.keys(BULLETIN_EDITABLE_LABELS) as BulletinEditable[];

/** The body as the preview lays it out: blocks, with each staff-written part's paragraphs gathered into one piece. */
export type BodyPiece = { kind: 'block'; block: BulletinBlock } | { kind: 'editable'; key: BulletinEditable; paragraphs: string[] };

export function bodyPieces(body: readonly BulletinBlock[]): BodyPiece[] {
  const pieces: BodyPiece[] = [];
  for (const block of body) {
    const last = pieces.at(-1);
    if (block.kind === 'paragraph' && block.editable) {
      if (last?.kind === 'editable' && last.key === block.editable) last.paragraphs.push(block.text);
      else pieces.push({ kind: 'editable', key: block.editable, paragraphs: [block.text] });
    } else {
      pieces.push({ kind: 'block', block });
    }
  }
  return pieces;
}

export type EditableTexts = Record<BulletinEditable, string>;

/** Each staff-written part's text as the document shows it: one paragraph a line (how the server splits it again). */
export function editableTexts(document: BulletinDocument): EditableTexts {
  const texts = Object.fromEntries(EDITABLE_PARTS.map((key) => [key, [] as string[]])) as Record<BulletinEditable, string[]>;
  for (const block of document.body) if (block.kind === 'paragraph' && block.editable) texts[block.editable].push(block.text);
  return Object.fromEntries(EDITABLE_PARTS.map((key) => [key, texts[key].join('\n')])) as EditableTexts;
}

/** Lines as the server keeps them: trimmed, blank ones dropped. */
const lines = (text: string) => text.split('\n').map((line) => line.trim()).filter(Boolean).join('\n');

/** Whether a part's text differs from what the document shows (blank lines and edge spaces do not count). */
export function isChanged(shown: EditableTexts, texts: EditableTexts, key: BulletinEditable): boolean {
  return lines(shown[key]) !== lines(texts[key]);
}

/**
 * What to save: a part staff already wrote, or one changed now. A part left as drafted is not sent, so its wording
 * keeps following the data; an emptied part is sent empty, which brings the drafted wording back.
 */
export function editsToSave(saved: BulletinEdits, shown: EditableTexts, texts: EditableTexts): BulletinEdits {
  const edits: BulletinEdits = {};
  for (const key of EDITABLE_PARTS) {
    if (saved[key] !== undefined || isChanged(shown, texts, key)) edits[key] = lines(texts[key]);
  }
  return edits;
}
