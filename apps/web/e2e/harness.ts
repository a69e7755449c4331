import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import { printedDemoPasswords, spawnServer, type RunningServer } from '@dispatch/api/testing';
import { CHROMIUM_PATH } from './env.ts';

export type { RunningServer };

/** The product as `npm start` runs it, with a fresh embedded database filled with the demo data. */
export async function startServer(webDist: string): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'dispatch-e2e-'));
  const server = await spawnServer({ DATABASE_URL: `file:${join(dataDir, 'e2e.db')}`, WEB_DIST: webDist });
  const stopServer = server.stop;
  return {
    ...server,
    async stop() {
      await stopServer();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with no network of its own (no browser download is possible here). */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
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

/** What a browser on the product's own page sends with a POST. */
export const sameOrigin = (server: RunningServer) => ({ origin: server.url, 'content-type': 'application/json' });

/** Signs in over HTTP with a demo account's printed password; answers the session cookie and CSRF token. */
export async function signIn(server: RunningServer, login: string): Promise<{ cookie: string; csrfToken: string }> {
  const password = printedDemoPasswords(server.output).get(login);
  if (!password) throw new Error(`the server did not print a password for ${login}:\n${server.output}`);
  const response = await fetch(`${server.url}/api/auth/login`, { method: 'POST', headers: sameOrigin(server), body: JSON.stringify({ login, password }) });
  if (!response.ok) throw new Error(`sign-in as ${login} failed: ${response.status} ${await response.text()}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
}

export interface BrowserSession {
  server: RunningServer;
  browser: Browser;
  /** a 1366×768 page, the typical office screen, that accepts downloads, signed in as `login` */
  page: Page;
  /** GET an API path with the same account's session */
  api<T>(path: string): Promise<T>;
  /** GET a file (an export) with the same account's session */
  file(path: string): Promise<ArrayBuffer>;
  /** another page, in its own browser context, signed in as the same account */
  newPage(options?: BrowserContextOptions): Promise<Page>;
}

/**
 * For one test file: the product on a fresh demo database, Chromium, and one office-screen page, started before
 * the tests and stopped after them, signed in as a demo account. Read the fields inside tests (they are set in
 * beforeAll).
 */
export function useBrowserSession(login = 'demo-admin'): BrowserSession {
  const session = {} as BrowserSession;
  beforeAll(async () => {
    session.server = await startServer(inject('webDist'));
    session.browser = await launchBrowser();
    const { cookie } = await signIn(session.server, login);
    const [name, value] = cookie.split('=') as [string, string];
    session.newPage = async (options) => {
      const context = await session.browser.newContext(options);
      await context.addCookies([{ name, value, url: session.server.url, httpOnly: true, sameSite: 'Strict' }]);
      return context.newPage();
    };
    session.page = await session.newPage({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const get = async (path: string) => {
      const response = await fetch(`${session.server.url}${path}`, { headers: { cookie } });
      if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
      return response;
    };
    session.api = async (path) => (await (await get(path)).json()) as never;
    session.file = async (path) => (await get(path)).arrayBuffer();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.stop();
  });
  return session;
}
