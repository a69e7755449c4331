/**
 * Request bodies are limited per route, over a real socket: an oversized body is refused with a 413 as soon as it
 * is known to be too large, while the client is still sending it — the server never reads (or holds) all of it.
 */
import { serve } from '@hono/node-server';
import { prepareDb, type Db } from '@dispatch/db';
import { connect, type AddressInfo, type Socket } from 'node:net';
import { once } from 'node:events';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from './app.ts';
import { adminSession, type TestSession } from './testing/test-session.ts';

let db: Db;
let app: App;
let admin: TestSession;
let port: number;
let close: () => Promise<void>;

beforeAll(async () => {
  ({ db } = await prepareDb({ url: ':memory:', demo: false }));
  app = createApp({ db });
  admin = await adminSession(app, db);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await once(server, 'listening');
  port = (server.address() as AddressInfo).port;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close());

/** 60 MB: what the probe sent to the sign-in route. */
const HUGE = 60 * 1024 * 1024;
const PIECE = Buffer.alloc(64 * 1024, 'a');

interface Answer {
  status: number;
  body: string;
  /** body bytes the client had sent when the answer came */
  sentBeforeAnswer: number;
}

/**
 * Sends `POST path` with a body of `size` bytes ('a's after `opening`), declared by Content-Length or sent chunked,
 * piece by piece, and stops sending as soon as an answer arrives.
 */
async function post(path: string, size: number, framing: 'content-length' | 'chunked', headers: Record<string, string> = {}, opening = '{"login":"'): Promise<Answer> {
  const socket = connect(port, '127.0.0.1');
  await once(socket, 'connect');
  socket.on('error', () => {}); // the server may close while we are still sending; the answer is what counts
  const answer = readAnswer(socket);
  let answered = false;
  void answer.then(() => (answered = true), () => (answered = true));
  const head = [
    `POST ${path} HTTP/1.1`, `Host: 127.0.0.1:${port}`, 'Content-Type: application/json', `Origin: http://127.0.0.1:${port}`,
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
    framing === 'chunked' ? 'Transfer-Encoding: chunked' : `Content-Length: ${size}`,
  ].join('\r\n');
  socket.write(`${head}\r\n\r\n`);
  let sent = 0;
  while (sent < size && !answered && !socket.destroyed) {
    const next = sent === 0 ? Buffer.concat([Buffer.from(opening), PIECE]) : PIECE;
    const piece = next.subarray(0, Math.min(PIECE.length, size - sent));
    const framed = framing === 'chunked' ? Buffer.concat([Buffer.from(`${piece.length.toString(16)}\r\n`), piece, Buffer.from('\r\n')]) : piece;
    sent += piece.length;
    if (!socket.write(framed)) await Promise.race([once(socket, 'drain'), once(socket, 'close'), answer]);
    else await new Promise((resolve) => setImmediate(resolve)); // let an answer in between pieces
  }
  if (!answered && framing === 'chunked' && !socket.destroyed) socket.write('0\r\n\r\n');
  const { status, body } = await answer;
  socket.destroy();
  return { status, body, sentBeforeAnswer: sent };
}

/** The first HTTP response on the socket: status and body (by Content-Length). */
function readAnswer(socket: Socket): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    let received = Buffer.alloc(0);
    const onData = (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.subarray(0, end).toString();
      const length = Number(/content-length: (\d+)/i.exec(head)?.[1] ?? 0);
      if (received.length < end + 4 + length) return;
      socket.off('data', onData);
      resolve({ status: Number(head.split(' ')[1]), body: received.subarray(end + 4, end + 4 + length).toString() });
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error(`connection closed without an answer: ${JSON.stringify(received.toString())}`)));
  });
}

function expectRefusedEarly(answer: Answer, limitText: string): void {
  expect({ status: answer.status, wholeBodySent: answer.sentBeforeAnswer >= HUGE }).toEqual({ status: 413, wholeBodySent: false });
  expect(JSON.parse(answer.body)).toEqual({ error: { code: 'PAYLOAD_TOO_LARGE', message: `请求内容过大：此接口最多接受 ${limitText}` } });
}

describe('request body limits, over a real socket', () => {
  test('a 60 MB sign-in declared by Content-Length is refused with a 413 before it is sent', async () => {
    expectRefusedEarly(await post('/api/auth/login', HUGE, 'content-length'), '4 KB');
  });

  test('a 60 MB chunked sign-in (no Content-Length) is refused with a 413 while it is being sent', async () => {
    expectRefusedEarly(await post('/api/auth/login', HUGE, 'chunked'), '4 KB');
  });

  test('eight oversized sign-ins at once are all refused early', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => post('/api/auth/login', HUGE, i % 2 ? 'chunked' : 'content-length')));
    for (const answer of answers) expectRefusedEarly(answer, '4 KB');
  });

  test('a sign-in under its limit is read and validated as usual', async () => {
    const answer = await post('/api/auth/login', 3 * 1024, 'chunked');
    expect(answer.status).toBe(400); // an unfinished JSON body, not a body too large
  });

  test('other API routes take up to 64 KB', async () => {
    const signedIn = { Cookie: admin.cookie, 'X-CSRF-Token': admin.csrfToken };
    expectRefusedEarly(await post('/api/users', HUGE, 'chunked', signedIn, '{"login":"'), '64 KB');
    expectRefusedEarly(await post('/api/users', HUGE, 'content-length', signedIn, '{"login":"'), '64 KB');
    expect((await post('/api/users', 32 * 1024, 'content-length', signedIn, '{"login":"')).status).toBe(400);
  });
});
