/**
 * npm run bench -- --load — the session check and the counties' metrics against /api/health under 200 concurrent
 * clients, with the server as one process, as two processes on the same database file, and as WORKERS=2 (issue 13).
 *
 * Builds a bench database (the 2020 year), starts the real server (apps/api/src/server.ts) once, then twice on the
 * same file (two ports; the load client spreads its connections over both, as a proxy in front would), then once
 * with WORKERS=2 (Node's cluster: two workers on one port, CPU counted over the primary and its workers), and for each
 * sends a fixed number of requests per endpoint from a load client in its own process (scripts/load-client.ts;
 * keep-alive, `Accept-Encoding: br, gzip` as a browser sends):
 *   /api/health (the floor: no session, no database), /api/auth/me signed in, /api/metrics?period=2020-08&level=county
 *   signed in. Prints req/s and each endpoint's ratio to health (the goal: metrics ≤ 2×, auth/me ≤ 1.5×).
 * Rounds are interleaved and the best of each endpoint kept: the machine is shared, so a round can lose its CPU.
 * Beside req/s, the servers' own CPU time per request (from /proc), which other work on the machine disturbs less.
 *
 *   npm run bench -- --load [--requests 20000] [--rounds 3] [--concurrency 200] [--clients 1]
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { cpuMs, hashPassword, spawnServer, workerPids, type RunningServer } from '@dispatch/api/testing';
import { createUser, prepareDb } from '@dispatch/db';
import type { LoadJob, LoadResult } from './load-client.ts';

const ENDPOINTS = [
  { label: '/api/health', path: '/api/health', signedIn: false },
  { label: '/api/auth/me', path: '/api/auth/me', signedIn: true },
  { label: '/api/metrics (122 counties, 2020-08)', path: '/api/metrics?period=2020-08&level=county', signedIn: true },
] as const;
const PASSWORD = 'Bench2020run';
const clientScript = fileURLToPath(new URL('./load-client.ts', import.meta.url));

/** One load client process; answers its figures. */
function runClient(job: LoadJob): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', clientScript, JSON.stringify(job)], { stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk));
    child.once('exit', (code) => (code === 0 ? resolve(JSON.parse(output) as LoadResult) : reject(new Error(`load client exited with ${code}`))));
  });
}

/** req/s of `clients` client processes together, each sending its share; refuses any answer but 200. */
async function throughput(job: LoadJob, clients: number): Promise<number> {
  const results = await Promise.all(
    Array.from({ length: clients }, () => runClient({ ...job, total: Math.ceil(job.total / clients), concurrency: Math.ceil(job.concurrency / clients) })),
  );
  for (const r of results) {
    const bad = Object.entries(r.statuses).filter(([status]) => status !== '200');
    if (r.errors || bad.length) throw new Error(`${job.path}: ${r.errors} errors, statuses ${JSON.stringify(r.statuses)}`);
  }
  return results.reduce((sum, r) => sum + r.requests / r.seconds, 0);
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password: PASSWORD }) });
  if (!response.ok) throw new Error(`sign-in: ${response.status}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

interface Options {
  requests: number;
  rounds: number;
  concurrency: number;
  clients: number;
}

interface Figure {
  /** best req/s over the rounds */
  rate: number;
  /** least server CPU time per request over the rounds, µs (warm-up included) */
  cpuUs: number;
}

/** Per endpoint, over the rounds, against `servers` (one or more processes on the same file). */
async function measure(servers: RunningServer[], options: Options): Promise<Figure[]> {
  const cookie = await signIn(servers[0]!.url);
  const urls = servers.map((s) => s.url);
  // a cluster's primary and its workers (their pids stay the same during a run: none is restarted)
  const pids = servers.flatMap((s) => [s.pid, ...workerPids(s.pid)]);
  const serverCpu = () => pids.reduce((sum, pid) => sum + cpuMs(pid), 0);
  const best = ENDPOINTS.map(() => ({ rate: 0, cpuUs: Infinity }));
  for (let round = 0; round < options.rounds; round++) {
    for (const [i, endpoint] of ENDPOINTS.entries()) {
      const warmup = Math.min(2_000, options.requests / 5);
      const job = { urls, path: endpoint.path, cookie: endpoint.signedIn ? cookie : '', total: options.requests, warmup, concurrency: options.concurrency };
      const cpuBefore = serverCpu();
      const rate = await throughput(job, options.clients);
      const cpuUs = ((serverCpu() - cpuBefore) * 1000) / (options.requests + warmup * options.clients);
      best[i] = { rate: Math.max(best[i]!.rate, rate), cpuUs: Math.min(best[i]!.cpuUs, cpuUs) };
    }
  }
  return best;
}

export async function benchLoad(): Promise<void> {
  const { values } = parseArgs({
    options: { load: { type: 'boolean' }, requests: { type: 'string', default: '20000' }, rounds: { type: 'string', default: '3' }, concurrency: { type: 'string', default: '200' }, clients: { type: 'string', default: '1' } },
  });
  const options: Options = { requests: Number(values.requests), rounds: Number(values.rounds), concurrency: Number(values.concurrency), clients: Number(values.clients) };
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-load-'));
  const url = `file:${join(dir, 'bench.db')}`;
  try {
    const { db } = await prepareDb({ url, demo: { years: [2020] } });
    await createUser(db, { login: 'bench', displayName: 'bench', role: 'province-official', regionCode: '430000', passwordHash: await hashPassword(PASSWORD) }, { actorId: null, actorLogin: 'bench', address: null });
    db.$client.close();
    const env = { DATABASE_URL: url, DEMO_DATA: 'false', WEB_DIST: '', LOG_LEVEL: 'warn' };
    const figures: [string, Figure[]][] = [];
    const setups = [
      { label: 'one process', processes: 1, workers: 1 },
      { label: '2 processes, one file', processes: 2, workers: 1 },
      { label: 'WORKERS=2 (cluster, one port)', processes: 1, workers: 2 },
    ];
    for (const { label, processes, workers } of setups) {
      const servers = await Promise.all(Array.from({ length: processes }, () => spawnServer({ ...env, WORKERS: String(workers) })));
      try {
        figures.push([label, await measure(servers, options)]);
      } finally {
        await Promise.all(servers.map((s) => s.stop()));
      }
    }
    console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}`);
    console.log(`${options.concurrency} concurrent keep-alive clients (${options.clients} client process), ${options.requests.toLocaleString()} requests per endpoint, best of ${options.rounds} rounds\n`);
    console.log('| server | endpoint | req/s | health ÷ endpoint | server CPU µs / request | ÷ health |');
    console.log('|---|---|---|---|---|---|');
    for (const [label, rows] of figures) {
      const [health] = rows as [Figure];
      for (const [i, endpoint] of ENDPOINTS.entries()) {
        const { rate, cpuUs } = rows[i]!;
        console.log(`| ${label} | ${endpoint.label} | ${Math.round(rate).toLocaleString()} | ${(health.rate / rate).toFixed(2)}× | ${Math.round(cpuUs)} | ${(cpuUs / health.cpuUs).toFixed(2)}× |`);
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
