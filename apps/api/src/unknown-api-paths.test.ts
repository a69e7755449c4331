/**
 * Unknown paths under /api answer a JSON 404 — also when the web app's index.html fallback is being served — and
 * what the server logs about a request cannot be made to look like other log lines.
 */
import { prepareDb, type Db } from '@dispatch/db';
import { pino } from 'pino';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { accessGuard } from './access.ts';
import { versionReader } from './versions.ts';
import { createApp, type App } from './app.ts';
import { handleError } from './errors.ts';
import { log } from './log.ts';
import { createRouter } from './router.ts';
import { adminSession, type TestSession } from './testing/test-session.ts';

const INDEX_HTML = '<!doctype html><title>Dispatch</title><div id="root"></div>';
let webDist: string;
let db: Db;
let app: App;
let admin: TestSession;

beforeAll(async () => {
  webDist = mkdtempSync(join(tmpdir(), 'dispatch-web-'));
  writeFileSync(join(webDist, 'index.html'), INDEX_HTML);
  ({ db } = await prepareDb({ url: ':memory:', demo: false }));
  app = createApp({ db, webDist });
  admin = await adminSession(app, db);
});
afterAll(() => rmSync(webDist, { recursive: true, force: true }));

/** Everything written to the console and the log while `run` runs, as one text. */
async function consoleOutput(run: () => Promise<unknown>): Promise<string> {
  const lines: string[] = [];
  const keep = (...args: unknown[]) => void lines.push(args.map((a) => (a instanceof Error ? a.stack : String(a))).join(' '));
  const stream = (log as any)[pino.symbols.streamSym] as { write(line: string): boolean };
  const spies = [
    ...(['log', 'info', 'warn', 'error'] as const).map((level) => vi.spyOn(console, level).mockImplementation(keep)),
    vi.spyOn(stream, 'write').mockImplementation((line: string) => (keep(line.trimEnd()), true)),
  ];
  try {
    await run();
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
  return lines.join('\n');
}
afterEach(() => vi.restoreAllMocks());

/** A log line is one line: a forged path shows as an escaped `\n`, never as a line of its own. */
function expectNoForgedLine(output: string): void {
  for (const line of output.split('\n')) expect(line).not.toMatch(/^forged/);
}

describe('unknown API paths, signed in, with the web app served', () => {
  test.each([
    ['GET', '/api/metrics/'],
    ['GET', '/api/auth/login'],
    ['GET', '/api/auth/me%00'],
    ['GET', '/api/nothing-here'],
    ['GET', '/api'],
    ['GET', '/api/'],
    ['POST', '/api/nothing-here'],
    ['GET', '/api/x%0aforged: access granted'],
  ])('%s %s is a JSON 404 with a right Content-Length, and logs nothing forged', async (method, path) => {
    let response: Response | undefined;
    const output = await consoleOutput(async () => {
      response = await app.request(path, { method, headers: method === 'GET' ? admin.read : admin.write });
    });
    expect(response!.status).toBe(404);
    expect(response!.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response!.text();
    const length = response!.headers.get('content-length');
    if (length !== null) expect(Number(length)).toBe(Buffer.byteLength(body));
    expect(JSON.parse(body).error.code).toBe('NOT_FOUND');
    expectNoForgedLine(output);
  });

  test('the web app’s own addresses still get index.html', async () => {
    const response = await app.request('/rankings?period=2020-05', { headers: admin.read });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(INDEX_HTML);
  });
});

describe('log lines quote request data escaped', () => {
  test('a route that forgets its access rule is logged with the path escaped', async () => {
    const forgetful = createRouter()
      .use(async (c, next) => {
        c.set('db', db);
        c.set('versionReader', versionReader(db));
        await next();
      })
      .use(accessGuard(''))
      .get('/*', (c) => c.json({ ok: true }));
    forgetful.onError(handleError);
    let status = 0;
    const output = await consoleOutput(async () => {
      status = (await forgetful.request('/open%0aforged: GET /users authorized', { headers: admin.read })).status;
    });
    expect(status).toBe(500);
    expect(output).toContain('"/open\\nforged: GET /users authorized"');
    expectNoForgedLine(output);
  });

  test('an unexpected error is logged with the request and its message escaped, stack frames kept', async () => {
    const failing = createRouter().get('/*', () => {
      throw new Error('bad value\nforged: second line');
    });
    failing.onError(handleError);
    let status = 0;
    const output = await consoleOutput(async () => {
      status = (await failing.request('/boom%0aforged')).status;
    });
    expect(status).toBe(500);
    expect(output).toContain('"/boom\\nforged"');
    expect(output).toContain('"bad value\\nforged: second line"');
    expect(output).toMatch(/\\n {4}at /); // the stack, its frames inside the one JSON line
    expectNoForgedLine(output);
  });
});
