import type { NoteEdit } from '@dispatch/core';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { regionNotes, regionNoteVersions } from '../schema/supervision.ts';
import { appendAudit, type Actor } from './append-audit.ts';

/** Why an edit did not happen: no such note, someone else's, changed since the version given, or the same text. */
export type NoteEditRefusal = 'not-found' | 'not-author' | 'stale' | 'unchanged';

export type NoteEditResult = { ok: true; version: number } | { ok: false; reason: NoteEditRefusal; current?: number };

/**
 * Changes a note's text, by its author only and only from the version they saw: the update itself tests id,
 * author and version, in one write transaction with the new version row and the audit line (before → after).
 * A refusal changes nothing and says why.
 */
export async function editNote(db: Db, id: number, edit: NoteEdit, actor: Actor & { actorId: number }): Promise<NoteEditResult> {
  return db.transaction(
    async (tx) => {
      const [before] = await tx.select().from(regionNotes).where(eq(regionNotes.id, id));
      if (!before) return { ok: false, reason: 'not-found' };
      if (before.authorId !== actor.actorId) return { ok: false, reason: 'not-author' };
      if (before.version !== edit.version) return { ok: false, reason: 'stale', current: before.version };
      if (before.text === edit.text) return { ok: false, reason: 'unchanged' };
      const version = edit.version + 1;
      const updated = await tx
        .update(regionNotes)
        .set({ text: edit.text, version, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` })
        .where(and(eq(regionNotes.id, id), eq(regionNotes.authorId, actor.actorId), eq(regionNotes.version, edit.version)))
        .returning({ at: regionNotes.updatedAt });
      if (updated.length !== 1) return { ok: false, reason: 'stale' };
      await tx.insert(regionNoteVersions).values({ noteId: id, version, text: edit.text, editorId: actor.actorId, at: updated[0]!.at });
      await appendAudit(tx, {
        ...actor, action: 'note.edit', regionCode: before.regionCode,
        detail: { noteId: id, period: before.period, version, before: before.text, after: edit.text },
      });
      return { ok: true, version };
    },
    { behavior: 'immediate' },
  );
}
