/**
 * The server as several processes, as a province runs it: Node's cluster on one port (WORKERS), separate servers on
 * one database file, a graceful SIGTERM, and a rolling restart (SIGHUP) under load. Real processes, real HTTP.
 */
import { Agent, request, type IncomingHttpHeaders } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_ALERT_SETTINGS, type AlertSummary, type FundRow } from '@dispatch/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readEnv } from './env.ts';
import { pidsHoldingConnections, workerPids } from './testing/process-tree.ts';
import { logLines, printedDemoPasswords, spawnServer, type RunningServer } from './testing/spawn-server.ts';

let dir: string;
const running: RunningServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-processes-'));
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function start(file: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const server = await spawnServer({ DATABASE_URL: `file:${join(dir, file)}`, DEMO_DATA: 'true', WEB_DIST: '', LOG_LEVEL: 'info', ...env });
  running.push(server);
  return server;
}

interface Answer {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A request through `agent` (to control which connection it goes on), its body written in `parts`, each after the previous one's promise. */
function send(server: RunningServer, path: string, options: { agent: Agent; method?: string; headers?: Record<string, string>; parts?: (() => Promise<string>)[] }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(`${server.url}${path}`, { agent: options.agent, method: options.method ?? 'GET', headers: options.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on('error', reject);
    void (async () => {
      for (const part of options.parts ?? []) req.write(await part());
      req.end();
    })().catch(reject);
  });
}

async function signIn(server: RunningServer, password: string): Promise<{ read: Record<string, string>; write: Record<string, string> }> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ login: 'demo-admin', password }),
  });
  expect(response.status).toBe(200);
  const cookie = response.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { read: { cookie }, write: { cookie, 'x-csrf-token': csrfToken, origin: server.url, 'content-type': 'application/json' } };
}

/** Whether a new TCP connection to the port is refused. */
function refusedNow(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (err: NodeJS.ErrnoException) => resolve(err.code === 'ECONNREFUSED'));
  });
}

/**
 * Whether new connections to the port come to be refused, within a few tries: the server logs its shutdown as it
 * closes its listening socket, and the kernel may still take a connection into the socket's queue until the close
 * is done (that connection is then reset, never answered).
 */
async function refused(port: number): Promise<boolean> {
  for (let attempt = 0; attempt < 50; attempt++) {
    if (await refusedNow(port)) return true;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

/** A sign-in whose body stops halfway until `finish()`: a request in flight for as long as the test wants. */
function halfSentSignIn(server: RunningServer, agent: Agent, password: string): { finish(): Promise<Answer> } {
  const body = JSON.stringify({ login: 'demo-admin', password });
  const half = body.length >> 1;
  let finish!: () => void;
  const finished = new Promise<void>((resolve) => (finish = resolve));
  const answer = send(server, '/api/auth/login', {
    agent,
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url, 'content-length': String(Buffer.byteLength(body)) },
    parts: [async () => body.slice(0, half), async () => (await finished, body.slice(half))],
  });
  return {
    finish() {
      finish();
      return answer;
    },
  };
}

const events = (server: RunningServer, event: string) => logLines(server.output).filter((line) => line.event === event);
/** Pids in ascending order, as workerPids gives them. */
const ascending = (pids: unknown[]) => pids.map(Number).sort((a, b) => a - b);
/** The same count without parsing every line: this is checked on every chunk of output, and requests are logged too. */
const timesLogged = (server: RunningServer, event: string) => server.output.split(`"event":"${event}"`).length - 1;

describe('WORKERS=3 on one port', () => {
  test('WORKERS above 1 with an in-memory database is refused at start, naming WORKERS', () => {
    expect(() => readEnv({ WORKERS: '2', DATABASE_URL: ':memory:' })).toThrow(/WORKERS .*:memory:/);
    expect(readEnv({ WORKERS: '1', DATABASE_URL: ':memory:' }).WORKERS).toBe(1);
  });

  test('the primary prepares the database once; three workers answer; one that dies is replaced; SIGTERM stops them all gracefully', { timeout: 240_000 }, async () => {
    const server = await start('cluster.db', { WORKERS: '3', SHUTDOWN_TIMEOUT_MS: '120000' });
    expect(printedDemoPasswords(server.output).size).toBe(5);
    expect(server.output.split(`http://localhost:${server.port}`)).toHaveLength(2); // the address, printed once
    const workers = workerPids(server.pid);
    expect(workers).toHaveLength(3);
    await server.waitForOutput(() => timesLogged(server, 'started') === 1); // the log lines may follow the address line
    expect(ascending(events(server, 'worker-started').map((line) => line.worker))).toEqual(workers);

    // Rounds of twelve connections at once, until every worker has held some (the primary deals them round-robin).
    const seen = new Set<number>();
    for (let round = 0; round < 20 && seen.size < workers.length; round++) {
      const agent = new Agent({ keepAlive: true });
      const answers = await Promise.all(Array.from({ length: 12 }, () => send(server, '/api/health', { agent })));
      expect(answers.map((a) => a.status)).toEqual(Array(12).fill(200));
      for (const pid of pidsHoldingConnections(workers, server.port)) seen.add(pid);
      agent.destroy();
    }
    expect(ascending([...seen])).toEqual(workers);

    const [killed] = workers;
    process.kill(killed!, 'SIGKILL');
    await server.waitForOutput(() => timesLogged(server, 'worker-started') === 4);
    expect(events(server, 'worker-died').map((line) => [line.worker, line.signal])).toEqual([[killed, 'SIGKILL']]);
    const now = workerPids(server.pid);
    expect(now).toHaveLength(3);
    expect(now).not.toContain(killed);
    expect((await fetch(`${server.url}/api/health`)).status).toBe(200);

    // SIGTERM to the primary: a request in flight in a worker still completes; every process stops, exit 0.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await send(server, '/api/health', { agent })).status).toBe(200);
    const slow = halfSentSignIn(server, agent, printedDemoPasswords(server.output).get('demo-admin')!);
    server.signal('SIGTERM');
    await server.waitForOutput(() => timesLogged(server, 'shutdown') === 4); // the primary's and each worker's
    const answer = await slow.finish();
    expect([answer.status, answer.headers.connection]).toEqual([200, 'close']);
    expect(await server.exited).toBe(0);
    expect(ascending(events(server, 'stopped').map((line) => line.pid))).toEqual(ascending([server.pid, ...now]));
    agent.destroy();
  });
});

describe('two servers on one database file', () => {
  test('a settings change and a data write through one are in the other’s next answer', { timeout: 240_000 }, async () => {
    const one = await start('shared.db');
    const other = await start('shared.db');
    const session = await signIn(one, printedDemoPasswords(one.output).get('demo-admin')!);
    const get = async <T>(server: RunningServer, path: string) => {
      const response = await fetch(`${server.url}${path}`, { headers: session.read });
      expect(response.status).toBe(200);
      return (await response.json()) as T;
    };
    const write = async (method: string, path: string, body: unknown) => {
      const response = await fetch(`${one.url}${path}`, { method, headers: session.write, body: JSON.stringify(body) });
      expect(response.status).toBeLessThan(300);
    };

    // The thresholds: twelve months at the bottom before a summons, which nobody can have by June.
    const summary = '/api/alerts/summary?period=2020-06';
    const before = await get<AlertSummary>(other, summary);
    expect(before.summons.length).toBeGreaterThan(0);
    await write('PUT', '/api/settings/alerts', { ...DEFAULT_ALERT_SETTINGS, persistentBottom: { ...DEFAULT_ALERT_SETTINGS.persistentBottom, months: 12 } });
    expect((await get<AlertSummary>(other, summary)).summons).toEqual([]);
    await write('PUT', '/api/settings/alerts', DEFAULT_ALERT_SETTINGS);
    expect(await get<AlertSummary>(other, summary)).toEqual(before);

    // The data: a reallocation round adds its amount to the county's budget from its month on.
    const funds = '/api/funds?period=2020-08&level=county';
    const [county] = (await get<{ rows: FundRow[] }>(other, funds)).rows;
    await write('POST', '/api/reallocations', { date: '2020-08-01', documentNumber: '湘人社函〔2020〕91号', lines: [{ regionCode: county!.regionCode, amount: 123_000 }] });
    const after = (await get<{ rows: FundRow[] }>(other, funds)).rows.find((r) => r.regionCode === county!.regionCode)!;
    expect(after.budget).toBe(county!.budget + 123_000);
  });
});

describe('SIGTERM', () => {
  test('a request in flight completes 200 with Connection: close, a new connection is refused, the process exits 0', { timeout: 180_000 }, async () => {
    const server = await start('sigterm.db', { SHUTDOWN_TIMEOUT_MS: '120000' });
    const password = printedDemoPasswords(server.output).get('demo-admin')!;
    // One connection: a first answer proves the server holds it, then a sign-in whose body stops halfway.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await send(server, '/api/health', { agent })).status).toBe(200);
    const slow = halfSentSignIn(server, agent, password);
    server.signal('SIGTERM');
    await server.waitForOutput(() => timesLogged(server, 'shutdown') === 1);
    expect(await refused(server.port)).toBe(true);
    const answer = await slow.finish();
    expect([answer.status, answer.headers.connection]).toEqual([200, 'close']);
    expect(JSON.parse(answer.body)).toMatchObject({ user: { login: 'demo-admin' } });
    expect(await server.exited).toBe(0);
    expect(events(server, 'stopped')).toHaveLength(1);
    agent.destroy();
  });

  test('a request that does not finish within SHUTDOWN_TIMEOUT_MS is cut and the process exits 0 anyway', { timeout: 180_000 }, async () => {
    const server = await start('timeout.db', { SHUTDOWN_TIMEOUT_MS: '200' });
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    expect((await send(server, '/api/health', { agent })).status).toBe(200);
    const never = new Promise<string>(() => {});
    const stuck = send(server, '/api/auth/login', {
      agent,
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: server.url, 'content-length': '1000' },
      parts: [async () => '{"login":', () => never],
    });
    const outcome = stuck.then(() => 'answered', () => 'cut');
    server.signal('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(await outcome).toBe('cut');
    expect(events(server, 'shutdown-timeout').map((line) => line.cut)).toEqual([1]);
    agent.destroy();
  });
});

describe('SIGHUP: a rolling restart', () => {
  test('WORKERS=2 under eight concurrent clients: every request answered 200, and every worker replaced', { timeout: 300_000 }, async () => {
    const server = await start('rolling.db', { WORKERS: '2' });
    const session = await signIn(server, printedDemoPasswords(server.output).get('demo-admin')!);
    const before = workerPids(server.pid);
    expect(before).toHaveLength(2);

    // Eight loops, each one request after another on fetch's keep-alive connections, a read of the database and health in turn.
    const paths = ['/api/periods', '/api/health', '/api/metrics?period=2020-06&level=city'];
    const failures: string[] = [];
    let answered = 0;
    let stopLoad = false;
    const waiting = new Set<() => void>();
    /** Resolves once `count` requests have been answered, or at the first failure (to fail the test now). */
    const answeredBy = (count: number) =>
      new Promise<void>((resolve) => {
        const check = () => (answered >= count || failures.length > 0) && waiting.delete(check) && resolve();
        waiting.add(check);
        check();
      });
    const loops = Array.from({ length: 8 }, async (_, n) => {
      for (let i = n; !stopLoad; i++) {
        const path = paths[i % paths.length]!;
        try {
          const response = await fetch(`${server.url}${path}`, { headers: session.read, signal: AbortSignal.timeout(60_000) }); // a hang guard
          await response.arrayBuffer();
          if (response.status === 200) answered++;
          else failures.push(`${path}: ${response.status}`);
        } catch (err) {
          failures.push(`${path}: ${String((err as Error).cause ?? err)}`);
        }
        for (const check of waiting) check();
      }
    });

    await answeredBy(50);
    server.signal('SIGHUP');
    await server.waitForOutput(() => timesLogged(server, 'restart-done') === 1, 240_000);
    const duringRestart = answered;
    await answeredBy(duringRestart + 50); // and the new workers serve
    stopLoad = true;
    await Promise.all(loops);

    expect(failures).toEqual([]);
    const after = workerPids(server.pid);
    expect(after).toHaveLength(2);
    expect(after.filter((pid) => before.includes(pid))).toEqual([]);
    expect(ascending(events(server, 'worker-replaced').map((line) => line.worker))).toEqual(before);
    expect(events(server, 'worker-died')).toEqual([]);
  });
});
