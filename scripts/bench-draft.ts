/**
 * npx tsx scripts/bench-draft.ts — the bulletin draft under load: 200 signed-in clients at once on
 * GET /api/bulletins/draft?period=2020-05 (format=json, then the PDF), against /api/metrics of the same month, on the
 * real server (apps/api/src/server.ts) and the demo data of 2020. Each client sends its requests one after another;
 * the latencies (ms, from sending to the last byte) are reported as median, p95 and max. Results: docs/benchmarks.md.
 *
 * Then, the machine otherwise idle, issuing 2020-05 (POST /api/bulletins: the bulletin and its 14 extracts rendered
 * and stored) and correcting it, each timed once.
 *
 *   npx tsx scripts/bench-draft.ts [--clients 200] [--rounds 3]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { hashPassword, spawnServer } from '@dispatch/api/testing';
import { createUser, prepareDb } from '@dispatch/db';

const { values: args } = parseArgs({ options: { clients: { type: 'string', default: '200' }, rounds: { type: 'string', default: '3' } } });
const CLIENTS = Number(args.clients);
const ROUNDS = Number(args.rounds);

const stats = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return `n ${sorted.length} · median ${at(0.5).toFixed(0)} · p95 ${at(0.95).toFixed(0)} · max ${sorted.at(-1)!.toFixed(0)} ms`;
};

/** `CLIENTS` clients at once, each sending `rounds` requests for `path` one after another. */
async function load(base: string, path: string, cookie: string, rounds: number): Promise<number[]> {
  const latencies: number[] = [];
  await Promise.all(Array.from({ length: CLIENTS }, async () => {
    for (let i = 0; i < rounds; i++) {
      const started = performance.now();
      const response = await fetch(base + path, { headers: { cookie } });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      latencies.push(performance.now() - started);
    }
  }));
  return latencies;
}

const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-draft-'));
const url = `file:${join(dir, 'bench.db')}`;
try {
  const { db } = await prepareDb({ url, demo: { years: [2020] } });
  const password = 'Bench2020run';
  await createUser(db, { login: 'bench', displayName: 'bench', role: 'province-official', regionCode: '430000', passwordHash: await hashPassword(password) }, { actorId: null, actorLogin: 'bench', address: null });
  db.$client.close();
  const server = await spawnServer({ DATABASE_URL: url, DEMO_DATA: 'false', WEB_DIST: '' });
  try {
    const login = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'bench', password }) });
    if (!login.ok) throw new Error(`sign-in: ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    console.log(`${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version} · ${CLIENTS} clients at once`);
    for (const [label, path, rounds] of [
      ['metrics 2020-05 cities', '/api/metrics?period=2020-05&level=city', ROUNDS],
      ['draft 2020-05 json', '/api/bulletins/draft?period=2020-05&format=json', ROUNDS],
      ['draft 2020-05 pdf', '/api/bulletins/draft?period=2020-05&format=pdf', 1],
    ] as const) {
      const started = performance.now();
      const latencies = await load(server.url, path, cookie, rounds);
      console.log(`| ${label} | ${stats(latencies)} | wall ${((performance.now() - started) / 1000).toFixed(1)} s |`);
    }
    const write = { cookie, 'x-csrf-token': csrfToken, origin: server.url, 'content-type': 'application/json' };
    let id = 0;
    for (const [label, path, body] of [['issue 2020-05 (idle)', '/api/bulletins', { period: '2020-05' }], ['correct 2020-05 (idle)', '', {}]] as const) {
      const started = performance.now();
      const response = await fetch(`${server.url}${path || `/api/bulletins/${id}/correct`}`, { method: 'POST', headers: write, body: JSON.stringify(body) });
      const answer = (await response.json()) as { id: number };
      if (response.status !== 201) throw new Error(`${label}: ${response.status} ${JSON.stringify(answer)}`);
      id = answer.id;
      console.log(`| ${label} | ${((performance.now() - started) / 1000).toFixed(1)} s |`);
    }
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
