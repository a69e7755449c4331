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

/** JSON over fetch for the scenarios' ordinary requests; answers status, parsed body (or text) and headers. */
export async function call<T = unknown>(base: string, method: string, path: string, options: { cookie?: string; csrf?: string; body?: unknown; hangMs?: number } = {}) {
  const headers: Record<string, string> = {};
  if (options.cookie) headers.cookie = options.cookie;
  if (options.csrf) headers['x-csrf-token'] = options.csrf;
  if (method !== 'GET') headers.origin = base;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    signal: AbortSignal.timeout(options.hangMs ?? 10_000),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: body as T, text, headers: response.headers };
}
