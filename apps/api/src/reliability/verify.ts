import { call } from './http.ts';
import { NOTE_REGION, type Ledger } from './load.ts';
import type { Session } from './sessions.ts';

interface NoteList {
  notes: { id: number; text: string }[];
}

/** What of the ledger's acknowledged writes the server at `base` does not have, as sentences (empty: all there). */
export async function missingWrites(base: string, session: Session, ledger: Ledger, settingsMayBe: 'last' | 'any-acked'): Promise<string[]> {
  const problems: string[] = [];
  const auth = { cookie: session.cookie };
  const list = await call<NoteList>(base, 'GET', `/api/notes?regionCode=${NOTE_REGION}&period=2020-05`, auth);
  if (list.status !== 200) return [`GET /api/notes: ${list.status} ${list.text.slice(0, 200)}`];
  const stored = new Map(list.body.notes.map((n) => [n.id, n.text]));
  for (const [id, text] of ledger.notes) {
    if (stored.get(id) !== text) problems.push(`note ${id} answered 201 is ${stored.has(id) ? 'changed' : 'missing'}`);
  }
  if (ledger.settings.lastAcked !== undefined) {
    const settings = await call<{ behindTime: { redPoints: number } }>(base, 'GET', '/api/settings/alerts', auth);
    const value = settings.body.behindTime?.redPoints;
    // A write in flight at the crash may or may not have been committed; one answered 200 must be.
    const allowed = settingsMayBe === 'last' ? [ledger.settings.lastAcked, ledger.settings.lastSent] : [...ledger.settings.acked];
    if (!allowed.includes(value)) problems.push(`alert settings redPoints ${value}, expected one of ${allowed.join(', ')}`);
  }
  return problems;
}

/** Sessions that no longer work on the server at `base`. */
export async function lostSessions(base: string, sessions: Session[]): Promise<string[]> {
  const lost: string[] = [];
  for (const session of sessions) {
    const me = await call(base, 'GET', '/api/auth/me', { cookie: session.cookie });
    if (me.status !== 200) lost.push(`${session.login}'s session: GET /api/auth/me ${me.status}`);
  }
  return lost;
}
