import type { NewNote } from '@dispatch/core';
import type { Db } from '../client.ts';
import { regionNotes, regionNoteVersions } from '../schema/supervision.ts';
import { appendAudit, type Actor } from './append-audit.ts';

/**
 * Writes a note, its version 1 and the audit line with its text, in one transaction: a note never exists without
 * its history or its record. Answers the new note's id.
 */
export async function createNote(db: Db, note: NewNote, actor: Actor & { actorId: number }): Promise<number> {
  return db.transaction(
    async (tx) => {
      const [row] = await tx
        .insert(regionNotes)
        .values({ regionCode: note.regionCode, period: note.period, text: note.text, authorId: actor.actorId })
        .returning({ id: regionNotes.id, at: regionNotes.createdAt });
      const { id, at } = row!;
      await tx.insert(regionNoteVersions).values({ noteId: id, version: 1, text: note.text, editorId: actor.actorId, at });
      await appendAudit(tx, { ...actor, action: 'note.create', regionCode: note.regionCode, detail: { noteId: id, period: note.period, text: note.text } });
      return id;
    },
    { behavior: 'immediate' },
  );
}
