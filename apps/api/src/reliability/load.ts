/**
 * A load client for the crash and two-process scenarios: writers of notes and alert settings and readers of
 * metrics, through any number of servers, recording every write that was answered 2xx and every 5xx.
 */
import { call } from './http.ts';
import type { Session } from './sessions.ts';

export interface Ledger {
  /** notes answered 201: id → text */
  notes: Map<number, string>;
  /** the alert settings' red-points values: the last sent, the last answered 200, every one answered 200 */
  settings: { counter: number; lastSent?: number; lastAcked?: number; acked: Set<number> };
  /** every write answered 2xx */
  acked: number;
  statuses: Record<string, number>;
  /** answers of 5xx or mentioning SQLITE_BUSY / "database is locked" */
  problems: string[];
  /** requests that got no answer (the server was killed under them) */
  unanswered: number;
}

export const newLedger = (): Ledger => ({ notes: new Map(), settings: { counter: 0, acked: new Set() }, acked: 0, statuses: {}, problems: [], unanswered: 0 });

/** One client of the load: a base URL, a session, what it does. */
export interface Client {
  base: string;
  session: Session;
  role: 'notes' | 'settings' | 'reads';
}

const BUSY = /SQLITE_BUSY|database is locked/i;
const PERIOD = '2020-05';
export const NOTE_REGION = '430100';

type Answer = Awaited<ReturnType<typeof call>>;

function record(ledger: Ledger, what: string, answer: Answer): void {
  const cls = `${Math.floor(answer.status / 100)}xx`;
  ledger.statuses[cls] = (ledger.statuses[cls] ?? 0) + 1;
  if (answer.status >= 500 || BUSY.test(answer.text)) ledger.problems.push(`${what}: ${answer.status} ${answer.text.slice(0, 200)}`);
}

interface Settings {
  behindTime: { redPoints: number; redShareOfProvince: number };
}

/** One step of a client: a note written, the settings changed, or a ranking read. */
async function step(client: Client, ledger: Ledger, tag: string): Promise<void> {
  const { base, session } = client;
  const auth = { cookie: session.cookie, csrf: session.csrf };
  if (client.role === 'notes') {
    const text = `可靠性测试 ${tag} ${session.login}`;
    const answer = await call<{ id: number }>(base, 'POST', '/api/notes', { ...auth, body: { regionCode: NOTE_REGION, period: PERIOD, text } });
    record(ledger, 'POST /api/notes', answer);
    if (answer.status === 201) {
      ledger.notes.set(answer.body.id, text);
      ledger.acked++;
    }
  } else if (client.role === 'settings') {
    const current = await call<Settings>(base, 'GET', '/api/settings/alerts', auth);
    record(ledger, 'GET /api/settings/alerts', current);
    const redPoints = -(1 + (ledger.settings.counter++ % 99));
    ledger.settings.lastSent = redPoints;
    const body = { ...current.body, behindTime: { ...current.body.behindTime, redPoints } };
    const answer = await call(base, 'PUT', '/api/settings/alerts', { ...auth, body });
    record(ledger, 'PUT /api/settings/alerts', answer);
    if (answer.status === 200) {
      ledger.settings.lastAcked = redPoints;
      ledger.settings.acked.add(redPoints);
      ledger.acked++;
    }
  } else {
    const answer = await call(base, 'GET', `/api/metrics?period=${PERIOD}&level=county&parent=${NOTE_REGION}`, auth);
    record(ledger, 'GET /api/metrics', answer);
  }
}

/**
 * Runs the clients until `until()` says stop; a client whose request gets no answer (its server killed) stops.
 * Resolves when every client has stopped.
 */
export async function runLoad(clients: Client[], ledger: Ledger, until: () => boolean): Promise<void> {
  await Promise.all(
    clients.map(async (client, i) => {
      for (let n = 0; !until(); n++) {
        try {
          await step(client, ledger, `c${i} n${n} ${Date.now()}`);
        } catch {
          ledger.unanswered++;
          return;
        }
      }
    }),
  );
}
