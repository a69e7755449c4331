import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
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
