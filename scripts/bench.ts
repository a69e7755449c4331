/**
 * npm run bench — the metrics endpoints against the health endpoint of the same server, as ratios.
 *
 * Builds a 5-year full-size embedded database (2016–2020, each year the size of Hunan's 2020), starts the real
 * server on a loopback port, then measures, in the same run:
 *   1. cold: every distinct metrics request once, one at a time (nothing cached), against /api/health;
 *   2. under load: 16 concurrent clients, a bounded number of requests spread over every month and city.
 *   3. the 2020-12 bulletin's full PDF made by the server against headless Chromium printing the same document.
 * The goal is the metrics endpoints within 3× of the health floor. Metrics requests carry a signed-in session, as
 * the web app's do (each is checked against the sessions table); health is public. Results: docs/benchmarks.md.
 * `npm run bench -- --bulletin` builds the 2020 year only and measures the bulletin (3.) alone.
 * `npm run bench -- --import` measures the one write path of data (writeDataBatch) against sqlite3's `.import` alone.
 * `npm run bench -- --load` measures 200 concurrent clients against one and two server processes (bench-load.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { hashPassword, spawnServer } from '@dispatch/api/testing';
import { createUser, prepareDb } from '@dispatch/db';
import { benchBulletin, printBulletinBench } from './bench-bulletin.ts';
import { benchImport } from './bench-import.ts';
import { benchLoad } from './bench-load.ts';

if (process.argv.includes('--load')) {
  await benchLoad();
  process.exit(0);
}
if (process.argv.includes('--import')) {
  await benchImport();
  process.exit(0);
}

const BULLETIN_ONLY = process.argv.includes('--bulletin');
const YEARS = BULLETIN_ONLY ? [2020] : [2016, 2017, 2018, 2019, 2020];
const CONCURRENCY = 16;
const REQUESTS_UNDER_LOAD = 4_000;

interface Stats {
  n: number;
  median: number;
  p95: number;
}

function stats(latencies: number[]): Stats {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  return { n: sorted.length, median: at(0.5), p95: at(0.95) };
}

/** Sends `total` requests over the paths in turn from `concurrency` clients; returns each one's latency in ms. */
async function measure(base: string, paths: readonly string[], total: number, concurrency: number, cookie = ''): Promise<number[]> {
  const latencies: number[] = [];
  let next = 0;
  const client = async () => {
    while (next < total) {
      const path = paths[next++ % paths.length]!;
      const started = performance.now();
      const response = await fetch(base + path, { headers: cookie ? { cookie } : {} });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${path}: ${response.status}`);
      latencies.push(performance.now() - started);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, client));
  return latencies;
}

const periods = YEARS.flatMap((y) => Array.from({ length: 12 }, (_, m) => `${y}-${String(m + 1).padStart(2, '0')}`));
const CITY_CODES = ['430100', '430200', '430300', '430400', '430500', '430600', '430700', '430800', '430900', '431000', '431100', '431200', '431300', '433100'];
const cityPaths = periods.map((p) => `/api/metrics?period=${p}&level=city`);
const countyPaths = periods.map((p) => `/api/metrics?period=${p}&level=county`);
const cityCountyPaths = periods.flatMap((p) => CITY_CODES.map((c) => `/api/metrics?period=${p}&level=county&parent=${c}`));
const alertPaths = periods.map((p) => `/api/alerts?period=${p}&level=county`);

/** 1. and 2.: the metrics and alerts endpoints against health, cold and under load. */
async function metricsBench(base: string, cookie: string): Promise<void> {
  const rows: [string, Stats, Stats][] = [];
  const coldHealth = stats(await measure(base, ['/api/health'], 300, 1));
  for (const [label, paths] of [
    ['cold: cities, 60 months', cityPaths],
    ['cold: 122 counties, 60 months', countyPaths],
    ['cold: one city’s counties, 60 months × 14', cityCountyPaths],
  ] as const) {
    rows.push([label, stats(await measure(base, paths, paths.length, 1, cookie)), coldHealth]);
  }
  // Alerts read the year so far (every month's ranking of the cities and the 122 counties) and run six rules:
  // measured against the counties' metrics, cold and under load (goal of issue 9: within 2×).
  const alertRows: [string, Stats, Stats][] = [];
  alertRows.push(['cold: alerts of 122 counties, 60 months', stats(await measure(base, alertPaths, alertPaths.length, 1, cookie)), rows[1]![1]]);
  const loadHealth = stats(await measure(base, ['/api/health'], REQUESTS_UNDER_LOAD, CONCURRENCY));
  for (const [label, paths] of [
    [`load ×${CONCURRENCY}: cities`, cityPaths],
    [`load ×${CONCURRENCY}: 122 counties`, countyPaths],
    [`load ×${CONCURRENCY}: one city’s counties`, cityCountyPaths],
  ] as const) {
    rows.push([label, stats(await measure(base, paths, REQUESTS_UNDER_LOAD, CONCURRENCY, cookie)), loadHealth]);
  }
  alertRows.push([`load ×${CONCURRENCY}: alerts of 122 counties`, stats(await measure(base, alertPaths, REQUESTS_UNDER_LOAD, CONCURRENCY, cookie)), rows[4]![1]]);
  const ms = (x: number) => x.toFixed(2);
  console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}\n`);
  console.log('| measurement | n | median ms | p95 ms | health median / p95 ms | ratio median | ratio p95 |');
  console.log('|---|---|---|---|---|---|---|');
  const print = (table: [string, Stats, Stats][]) => {
    for (const [label, s, floor] of table) {
      console.log(`| ${label} | ${s.n} | ${ms(s.median)} | ${ms(s.p95)} | ${ms(floor.median)} / ${ms(floor.p95)} | ${(s.median / floor.median).toFixed(2)}× | ${(s.p95 / floor.p95).toFixed(2)}× |`);
    }
  };
  print(rows);
  console.log('\n| alerts against the counties’ metrics | n | median ms | p95 ms | metrics median / p95 ms | ratio median | ratio p95 |');
  console.log('|---|---|---|---|---|---|---|');
  print(alertRows);
}

const dir = mkdtempSync(join(tmpdir(), 'dispatch-bench-'));
const url = `file:${join(dir, 'bench.db')}`;
try {
  const started = performance.now();
  const { db } = await prepareDb({ url, demo: { years: YEARS } });
  const classes = Number((await db.$client.execute('SELECT COUNT(*) AS n FROM training_classes')).rows[0]!.n);
  const audits = Number((await db.$client.execute('SELECT COUNT(*) AS n FROM fund_audits')).rows[0]!.n);
  const password = 'Bench2020run';
  await createUser(db, { login: 'bench', displayName: 'bench', role: 'province-official', regionCode: '430000', passwordHash: await hashPassword(password) }, { actorId: null, actorLogin: 'bench', address: null });
  db.$client.close();
  console.log(`database: ${YEARS.length} years, ${classes.toLocaleString()} classes, ${audits.toLocaleString()} audits, built in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const server = await spawnServer({ DATABASE_URL: url, DEMO_DATA: 'false', WEB_DIST: '' });
  try {
    await measure(server.url, ['/api/health'], 500, CONCURRENCY); // warm-up of the HTTP path only
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ login: 'bench', password }),
    });
    if (!login.ok) throw new Error(`sign-in: ${login.status}`);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    if (BULLETIN_ONLY) console.log(`\n${new Date().toISOString().slice(0, 10)} · ${cpus().length} × ${cpus()[0]?.model} · Node ${process.version}`);
    else await metricsBench(server.url, cookie);
    printBulletinBench('2020-12', await benchBulletin(server.url, cookie, '2020-12'));
  } finally {
    await server.stop();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
