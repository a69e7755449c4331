import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { spawnServer, type RunningServer } from '../../api/src/testing/spawn-server.ts';

export type { RunningServer };

/** The product as `npm start` runs it, with a fresh embedded database filled with the demo data. */
export async function startServer(webDist: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dispatch-e2e-'));
  const server = await spawnServer({ DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`, WEB_DIST: webDist });
  return {
    url: server.url,
    async stop() {
      await server.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with no network of its own (no browser download is possible here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  /** a 1366×768 page, the typical office screen, that accepts downloads */
  page: Page;
}

/**
 * For one test file: the product on a fresh demo database, Chromium, and one office-screen page, started before
 * the tests and stopped after them. Read the fields inside tests (they are set in beforeAll).
 */
export function useBrowserSession(): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startServer(inject('webDist'));
    session.browser = await launchBrowser();
    session.page = await session.browser.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
