/**
 * A DATABASE_URL that cannot work stops `npm start` and `npm run user` with one line saying what is wrong — not a
 * stack trace, and not a server quietly running on a temporary database.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readEnv } from './env.ts';
import { childEnv } from './testing/env.ts';
import { freePort } from './testing/spawn-server.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
let closedPort: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-config-'));
  mkdirSync(join(dir, 'a-folder'));
  writeFileSync(join(dir, 'a-file'), 'not a folder');
  closedPort = await freePort(); // nothing listens there
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const BAD_URLS: [string, () => string][] = [
  ['an empty file path', () => 'file:'],
  ['a folder', () => `file:${join(dir, 'a-folder')}`],
  ['a path under a file', () => `file:${join(dir, 'a-file', 'dispatch.db')}`],
  ['a libsql:// without a server', () => 'libsql://'],
  ['an http:// server that is not there', () => `http://127.0.0.1:${closedPort}`],
];

const COMMANDS: [string, string[]][] = [
  ['npm start', ['apps/api/src/server.ts']],
  ['npm run user', ['apps/api/src/cli/user.ts', 'list']],
];

/** The real process, with DATABASE_URL set; a server that starts after all is stopped by the timeout (status null). */
async function run(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: childEnv({ DATABASE_URL: databaseUrl, PORT: String(await freePort()), HOST: '127.0.0.1', WEB_DIST: '' }),
    input: '',
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { status: result.status, stderr: result.stderr };
}

describe.each(COMMANDS)('%s with a DATABASE_URL that cannot work', (_, args) => {
  test.each(BAD_URLS)('%s: exits non-zero with one line naming DATABASE_URL', { timeout: 60_000 }, async (_what, url) => {
    const { status, stderr } = await run(args, url());
    expect(status).not.toBe(0);
    expect(status).not.toBeNull();
    expect(stderr).not.toMatch(/^\s+at /m);
    const lines = stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('DATABASE_URL');
  });
});

describe('the service settings of issue 13 are checked with the rest, each named with what it should be', () => {
  const env = (values: Record<string, string>) => readEnv({ DATABASE_URL: 'file:/tmp/never-opened.db', ...values });
  test.each([
    [{ WORKERS: '0' }, /^配置有误：WORKERS 应为 1–64 的整数（服务进程数）$/],
    [{ WORKERS: '2.5' }, /^配置有误：WORKERS 应为 1–64 的整数（服务进程数）$/],
    [{ WORKERS: 'abc' }, /^配置有误：WORKERS 应为 1–64 的整数（服务进程数）$/],
    [{ TRUST_PROXY: '-1' }, /^配置有误：TRUST_PROXY /],
    [{ LOG_LEVEL: 'loud' }, /^配置有误：LOG_LEVEL /],
    [{ SHUTDOWN_TIMEOUT_MS: 'soon' }, /^配置有误：SHUTDOWN_TIMEOUT_MS /],
  ])('%o', (values, message) => {
    expect(() => env(values)).toThrow(message);
  });
  test('their defaults: one process, no proxy believed, a line per request, 10 s to finish on SIGTERM', () => {
    expect(env({})).toMatchObject({ WORKERS: 1, TRUST_PROXY: 0, LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: 10_000 });
  });
});
