import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BulletinDocument } from '@dispatch/core';
import { chromium } from 'playwright-core';
import { renderBulletinPdf } from '@dispatch/api/testing';
import { bulletinHtml } from './bulletin-html.ts';
import { CHROMIUM_PATH } from './env.ts';

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const RUNS = 5;

export interface BulletinBench {
  pages: number;
  /** repeat downloads of one draft: since the draft is cached, mostly the cache's answer */
  serverMs: number[];
  /** pdfkit rendering a document whose text changed each time (as after staff's edit: no cached file), in-process */
  renderMs: number[];
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
  const renderMs: number[] = [];
  const edited = (i: number): BulletinDocument => {
    const at = doc.body.findIndex((b) => b.kind === 'paragraph');
    return { ...doc, body: doc.body.map((b, j) => (j === at && b.kind === 'paragraph' ? { ...b, text: `${b.text}（第${i + 1}次修改）` } : b)) };
  };
  for (let i = 0; i <= RUNS; i++) {
    const started = performance.now();
    await renderBulletinPdf(edited(i));
    if (i > 0) renderMs.push(performance.now() - started);
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
    return { pages, serverMs, renderMs, documentMs, chromiumMs, launchMs, bytes: { server: server.length, chromium: printed.length } };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printBulletinBench(period: string, b: BulletinBench): void {
  const [cached, browser] = [median(b.serverMs), median(b.chromiumMs)];
  const server = median(b.renderMs) + median(b.documentMs);
  console.log(`\nbulletin ${period}: ${b.pages} pages; median of ${RUNS} after a warm-up`);
  console.log('| bulletin PDF | median ms | min / max ms | file |\n|---|---|---|---|');
  console.log(`| server, the same draft downloaded again (over HTTP; the draft's file is cached) | ${cached.toFixed(0)} | ${Math.min(...b.serverMs).toFixed(0)} / ${Math.max(...b.serverMs).toFixed(0)} | ${(b.bytes.server / 1024).toFixed(0)} KB |`);
  console.log(`| server, the document (format=json, over HTTP) | ${median(b.documentMs).toFixed(0)} | ${Math.min(...b.documentMs).toFixed(0)} / ${Math.max(...b.documentMs).toFixed(0)} | |`);
  console.log(`| server, pdfkit rendering a document whose text changed each time (in-process, no cached file) | ${median(b.renderMs).toFixed(0)} | ${Math.min(...b.renderMs).toFixed(0)} / ${Math.max(...b.renderMs).toFixed(0)} | |`);
  console.log(`| **server, uncached: document + render** | ${server.toFixed(0)} | | |`);
  console.log(`| headless Chromium page.pdf() of the HTML (browser running; launch ${b.launchMs.toFixed(0)} ms more) | ${browser.toFixed(0)} | ${Math.min(...b.chromiumMs).toFixed(0)} / ${Math.max(...b.chromiumMs).toFixed(0)} | ${(b.bytes.chromium / 1024).toFixed(0)} KB |`);
  console.log(`| ratio, browser running, against the uncached server | ${(browser / server).toFixed(1)}× faster on the server | | |`);
  console.log(`| ratio, a browser launched per export, against the uncached server | ${((browser + b.launchMs) / server).toFixed(1)}× faster on the server | | |`);
  console.log(`| ratio, browser running, against the cached draft | ${(browser / cached).toFixed(1)}× | | |`);
}
