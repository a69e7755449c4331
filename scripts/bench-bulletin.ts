import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BulletinDocument } from '@dispatch/core';
import { chromium } from 'playwright-core';
import { bulletinHtml } from './bulletin-html.ts';
import { CHROMIUM_PATH } from './env.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = 5;

export interface BulletinBench {
  pages: number;
  serverMs: number[];
  /** the same request with format=json: the document built, nothing rendered */
  documentMs: number[];
  chromiumMs: number[];
  launchMs: number;
  bytes: { server: number; chromium: number };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/**
 * The full bulletin PDF of a period made by the server (`GET /api/bulletins/draft?format=pdf`: the document built
 * from the data and rendered by pdfkit) against the same document printed by headless Chromium from a plain HTML
 * rendering (`page.pdf()`, the browser already running and the fonts the same committed files), each `RUNS` times
 * after one warm-up.
 */
export async function benchBulletin(base: string, cookie: string, period: string): Promise<BulletinBench> {
  const get = (format: string) => fetch(`${base}/api/bulletins/draft?period=${period}&format=${format}`, { headers: { cookie } });
  const doc = (await (await get('json')).json()) as BulletinDocument;
  const serverMs: number[] = [];
  let server: Buffer = Buffer.alloc(0);
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    const response = await get('pdf');
    server = Buffer.from(await response.arrayBuffer());
    if (!response.ok) throw new Error(`pdf: ${response.status}`);
    if (i > 0) serverMs.push(performance.now() - started);
  }
  const documentMs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await (await get('json')).arrayBuffer();
    documentMs.push(performance.now() - started);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-bulletin-'));
  const require = createRequire(import.meta.url);
  const font = (name: string) => pathToFileURL(require.resolve(`@dispatch/data/fonts/${name}`)).href;
  const file = join(dir, 'bulletin.html');
  writeFileSync(file, bulletinHtml(doc, { serif: font('NotoSerifSC-Regular.ttf'), sans: font('NotoSansSC-Regular.otf') }));
  const launched = performance.now();
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  const launchMs = performance.now() - launched;
  try {
    const page = await browser.newPage();
    const chromiumMs: number[] = [];
    let printed: Buffer = Buffer.alloc(0);
    for (let i = 0; i <= RUNS; i++) {
      const started = performance.now();
      await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      printed = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      if (i > 0) chromiumMs.push(performance.now() - started);
    }
    const pages = (server.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    return { pages, serverMs, documentMs, chromiumMs, launchMs, bytes: { server: server.length, chromium: printed.length } };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printBulletinBench(period: string, b: BulletinBench): void {
  const [server, browser] = [median(b.serverMs), median(b.chromiumMs)];
  console.log(`\nbulletin ${period}: ${b.pages} pages; median of ${RUNS} after a warm-up`);
  console.log('| bulletin PDF | median ms | min / max ms | file |\n|---|---|---|---|');
  console.log(`| server (build + pdfkit, over HTTP) | ${server.toFixed(0)} | ${Math.min(...b.serverMs).toFixed(0)} / ${Math.max(...b.serverMs).toFixed(0)} | ${(b.bytes.server / 1024).toFixed(0)} KB |`);
  console.log(`| of which the document alone (format=json, over HTTP) | ${median(b.documentMs).toFixed(0)} | ${Math.min(...b.documentMs).toFixed(0)} / ${Math.max(...b.documentMs).toFixed(0)} | |`);
  console.log(`| headless Chromium page.pdf() of the HTML (browser running; launch ${b.launchMs.toFixed(0)} ms more) | ${browser.toFixed(0)} | ${Math.min(...b.chromiumMs).toFixed(0)} / ${Math.max(...b.chromiumMs).toFixed(0)} | ${(b.bytes.chromium / 1024).toFixed(0)} KB |`);
  console.log(`| ratio, browser running | ${(browser / server).toFixed(1)}× faster on the server | | |`);
  console.log(`| ratio, a browser launched per export | ${((browser + b.launchMs) / server).toFixed(1)}× faster on the server | | |`);
}
