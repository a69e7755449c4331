/**
 * npm run bench:phone — how long the overview and the map take on an emulated phone network, and how many
 * bytes cross the wire.
 *
 * Builds the web app, starts the real server (apps/api/src/server.ts) on a fresh demo database, signs in as the
 * demo province official, and loads `/` and `/map` in Debian's Chromium with a phone's screen and Chrome's
 * network emulation (150 ms latency, 1.6 Mbit/s = 200,000 bytes/s each way):
 *   - first visit: a new browser profile, cache disabled;
 *   - repeat visit: cache enabled, the page opened once before, then opened again and measured.
 * "Shown" is the time from the start of navigation until the page's content is in the document (the overview's
 * six KPI cards and 14-city table; the map's 122 county paths). "Bytes" is the sum of encodedDataLength of every
 * response of the load (headers included), as the network carried it. Results: docs/benchmarks.md.
 *
 *   npm run bench:phone [-- --runs 3]
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { build } from 'vite';
import { printedDemoPasswords, spawnServer, type RunningServer } from '@dispatch/api/testing';
import { CHROMIUM_PATH } from './env.ts';

const PHONE_NETWORK = { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 200_000 };
const PHONE_SCREEN = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true, locale: 'zh-CN' };
const LOGIN = 'demo-official';
/** as the end-to-end tests start it: headless, with no network of its own */
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** A page and the elements whose presence means its content is shown. */
const PAGES = [
  { name: 'overview /', path: '/', shown: [['.kpi', 6], ['table.ranking tr[data-code]', 14]] },
  { name: 'map /map', path: '/map', shown: [['.chart svg path[stroke="#ffffff"]', 122]] },
] as const;

interface Received {
  path: string;
  status: number;
  encoding: string;
  bytes: number;
}

interface Load {
  shownMs: number;
  bytes: number;
  requests: number;
  /** per response: url path, status, content-encoding (or "cache" when the browser's cache answered), bytes on the wire */
  responses: Received[];
}

/** Signs in over HTTP with the demo password the server printed; answers the session cookie (`name=value`). */
async function signIn(server: RunningServer, login: string): Promise<string> {
  const password = printedDemoPasswords(server.output).get(login);
  if (!password) throw new Error(`the server printed no password for ${login}:\n${server.output}`);
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (!response.ok) throw new Error(`sign-in as ${login}: ${response.status} ${await response.text()}`);
  return response.headers.get('set-cookie')!.split(';')[0]!;
}

/**
 * Records, from inside the page, the moment every selector first matches its count (ms since navigation start).
 * A string, not a function: tsx would wrap a function's inner functions in a helper the page does not have.
 */
function watchShown(conditions: readonly (readonly [string, number])[]): string {
  return `new MutationObserver((_, observer) => {
    const conditions = ${JSON.stringify(conditions)};
    if (!conditions.every(([selector, count]) => document.querySelectorAll(selector).length >= count)) return;
    window.shownAt = performance.now();
    observer.disconnect();
  }).observe(document, { childList: true, subtree: true });`;
}

/** Navigates to `url` and answers when the content is shown and the network is quiet, with what crossed the wire. */
async function load(page: Page, cdp: CDPSession, url: string): Promise<Load> {
  await page.goto('about:blank');
  const responses = new Map<string, Received>();
  const onResponse = (e: { requestId: string; response: { url: string; status: number; headers: Record<string, string> } }) => {
    const encoding = Object.entries(e.response.headers).find(([k]) => k.toLowerCase() === 'content-encoding')?.[1] ?? '';
    responses.set(e.requestId, { path: new URL(e.response.url).pathname + new URL(e.response.url).search, status: e.response.status, encoding, bytes: 0 });
  };
  const onFinished = (e: { requestId: string; encodedDataLength: number }) => {
    const response = responses.get(e.requestId);
    if (response) response.bytes = e.encodedDataLength;
  };
  // Sent only for what went over the network, with the status as it came (a revalidated file shows 200 otherwise).
  const onWire = new Map<string, number>();
  const onExtraInfo = (e: { requestId: string; statusCode: number }) => onWire.set(e.requestId, e.statusCode);
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.loadingFinished', onFinished);
  cdp.on('Network.responseReceivedExtraInfo', onExtraInfo);
  try {
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForFunction(() => 'shownAt' in globalThis, null, { timeout: 120_000, polling: 100 });
    await page.waitForLoadState('networkidle');
    const shownMs = await page.evaluate(() => (globalThis as unknown as { shownAt: number }).shownAt);
    for (const [id, response] of responses) {
      if (onWire.has(id)) response.status = onWire.get(id)!;
      else response.encoding = 'cache';
    }
    const list = [...responses.values()];
    return { shownMs, bytes: list.reduce((sum, r) => sum + r.bytes, 0), requests: list.length, responses: list };
  } finally {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.loadingFinished', onFinished);
    cdp.off('Network.responseReceivedExtraInfo', onExtraInfo);
  }
}

/** One page, first and repeat visit, in a fresh signed-in phone profile. */
async function visit(newContext: () => Promise<BrowserContext>, server: RunningServer, target: (typeof PAGES)[number]) {
  const context = await newContext();
  try {
    await context.addInitScript(watchShown(target.shown));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', PHONE_NETWORK);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const first = await load(page, cdp, server.url + target.path);
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: false });
    await load(page, cdp, server.url + target.path); // fills the cache
    const repeat = await load(page, cdp, server.url + target.path);
    return { first, repeat };
  } finally {
    await context.close();
  }
}

/** The first screen's script and style as built: raw, and as gzip -9 and brotli 11 would send them. */
function firstScreenSizes(webDist: string) {
  const html = readFileSync(join(webDist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]!);
  return files.map((file) => {
    const bytes = readFileSync(join(webDist, file));
    return {
      file,
      raw: statSync(join(webDist, file)).size,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  });
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;
const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

const { values: args } = parseArgs({ options: { runs: { type: 'string', default: '3' } } });
const runs = Number(args.runs);
const webDist = mkdtempSync(join(tmpdir(), 'dispatch-phone-web-'));
const dataDir = mkdtempSync(join(tmpdir(), 'dispatch-phone-db-'));
try {
  await build({ root: fileURLToPath(new URL('../apps/web', import.meta.url)), logLevel: 'warn', build: { outDir: webDist, emptyOutDir: true } });
  console.log('first screen as built (gzip -9 / brotli 11 computed here):');
  console.log('| file | raw | gzip | brotli |\n|---|---|---|---|');
  for (const f of firstScreenSizes(webDist)) console.log(`| ${f.file} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} |`);

  const server = await spawnServer({ DATABASE_URL: `file:${join(dataDir, 'phone.db')}`, WEB_DIST: webDist });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const cookie = await signIn(server, LOGIN);
    const [name, value] = cookie.split('=') as [string, string];
    const newContext = async () => {
      const context = await browser.newContext(PHONE_SCREEN);
      await context.addCookies([{ name, value, url: server.url, httpOnly: true, sameSite: 'Strict' }]);
      return context;
    };
    const results = new Map<string, { first: Load; repeat: Load }[]>();
    for (let run = 0; run < runs; run++) {
      for (const target of PAGES) {
        const result = await visit(newContext, server, target);
        results.set(target.name, [...(results.get(target.name) ?? []), result]);
        console.log(`run ${run + 1} ${target.name}: first ${seconds(result.first.shownMs)} ${kb(result.first.bytes)}, repeat ${seconds(result.repeat.shownMs)} ${kb(result.repeat.bytes)}`);
      }
    }

    console.log(`\nphone network: ${PHONE_NETWORK.latency} ms, ${(PHONE_NETWORK.downloadThroughput * 8) / 1e6} Mbit/s; median of ${runs} runs`);
    console.log('| page | visit | shown | bytes on the wire | requests |\n|---|---|---|---|---|');
    for (const [page, list] of results) {
      for (const visitKind of ['first', 'repeat'] as const) {
        const loads = list.map((r) => r[visitKind]);
        console.log(`| ${page} | ${visitKind} | ${seconds(median(loads.map((l) => l.shownMs)))} | ${kb(median(loads.map((l) => l.bytes)))} | ${median(loads.map((l) => l.requests))} |`);
      }
    }
    for (const [page, list] of results) {
      for (const visitKind of ['first', 'repeat'] as const) {
        console.log(`\n${page}, ${visitKind} visit (last run):`);
        for (const r of list.at(-1)![visitKind].responses) console.log(`  ${String(r.status).padEnd(4)}${(r.encoding || '-').padEnd(6)}${kb(r.bytes).padStart(10)}  ${r.path}`);
      }
    }
  } finally {
    await browser.close();
    await server.stop();
  }
} finally {
  rmSync(webDist, { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
}
