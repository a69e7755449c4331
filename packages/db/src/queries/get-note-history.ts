import type { NoteVersion } from '@dispatch/core';
import { asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { users } from '../schema/access.ts';
import { regionNoteVersions } from '../schema/supervision.ts';

/** Every text a note has had, version 1 first, with who wrote it and when. */
export async function getNoteHistory(db: Db, noteId: number): Promise<NoteVersion[]> {
  const rows = await db
    .select({ version: regionNoteVersions.version, text: regionNoteVersions.text, login: users.login, name: users.displayName, at: regionNoteVersions.at })
    .from(regionNoteVersions)
    .innerJoin(users, eq(users.id, regionNoteVersions.editorId))
    .where(eq(regionNoteVersions.noteId, noteId))
    .orderBy(asc(regionNoteVersions.version));
  return rows.map(({ login, name, ...row }) => ({ ...row, editor: { login, name } }));
}
