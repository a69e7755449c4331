import { Agent, request } from 'node:http';

/** One request as it goes on the wire: the path is sent exactly as written (no client-side normalisation of `..`). */
export interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

export type RawAnswer =
  | { kind: 'answer'; status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }
  /** no answer within the hang guard */
  | { kind: 'hang' }
  /** the connection failed or closed without an answer */
  | { kind: 'error'; message: string };

const MAX_BODY = 4 * 1024 * 1024;

/** Sends over keep-alive connections of `agent`; gives up (a hang) after `hangMs`. */
export function sendRaw(base: URL, agent: Agent, req: RawRequest, hangMs: number): Promise<RawAnswer> {
  return new Promise((resolve) => {
    let settled = false;
    const settle = (answer: RawAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(answer);
    };
    const body = req.body === undefined ? undefined : Buffer.isBuffer(req.body) ? req.body : Buffer.from(req.body);
    const headers = { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) };
    let outgoing: ReturnType<typeof request>;
    try {
      outgoing = request({ host: base.hostname, port: base.port, method: req.method, path: req.path, headers, agent }, (incoming) => {
        const chunks: Buffer[] = [];
        let size = 0;
        incoming.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= MAX_BODY) chunks.push(chunk);
        });
        incoming.on('end', () => settle({ kind: 'answer', status: incoming.statusCode ?? 0, headers: incoming.headers, body: Buffer.concat(chunks) }));
        incoming.on('error', (err) => settle({ kind: 'error', message: err.message }));
      });
    } catch (err) {
      // Node refuses to send some request lines itself (unescaped characters): not the server's doing.
      resolve({ kind: 'error', message: `client refused: ${(err as Error).message}` });
      return;
    }
    const timer = setTimeout(() => {
      settle({ kind: 'hang' });
      outgoing.destroy();
    }, hangMs);
    outgoing.on('error', (err) => settle({ kind: 'error', message: err.message }));
    outgoing.end(body);
  });
}

/**
 * A fresh connection per request for the scenarios' own calls: a kept-alive socket left idle while this process is
 * busy (hashing the tables) can be closed by the server just as it is reused, which is the client's race, not a
 * failure of the server.
 */
const oneShot = new Agent({ keepAlive: false });

export interface Answer<T> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One request of a scenario; throws when there is no answer (a killed server) or none within `hangMs`. */
export async function callRaw(base: string, req: RawRequest, hangMs = 10_000): Promise<Answer<unknown>> {
  const answer = await sendRaw(new URL(base), oneShot, req, hangMs);
  if (answer.kind === 'hang') throw new Error(`${req.method} ${req.path}: no answer in ${hangMs} ms`);
  if (answer.kind === 'error') throw new Error(`${req.method} ${req.path}: ${answer.message}`);
  const text = answer.body.toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: answer.status, body, text, headers: answer.headers };
}

/** JSON in and out, with a session's cookie and CSRF token when given. */
export async function call<T = unknown>(base: string, method: string, path: string, options: { cookie?: string; csrf?: string; body?: unknown; hangMs?: number } = {}): Promise<Answer<T>> {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  if (method !== 'GET') headers.origin = base;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  return (await callRaw(base, { method, path, headers, body }, options.hangMs)) as Answer<T>;
}
