/**
 * Two processes on one database file, as people run them: two servers started at the same moment on a new file,
 * and `npm run user` while a server is signing people in.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, createUser, prepareDb } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hashPassword } from './auth/password.ts';
import { childEnv } from './testing/env.ts';
import { printedDemoPasswords, spawnServer, type RunningServer } from './testing/spawn-server.ts';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
let dir: string;
const running: RunningServer[] = [];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-two-'));
});
afterAll(async () => {
  await Promise.all(running.map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

async function count(url: string, table: string): Promise<number> {
  const db = createDb({ url });
  try {
    return Number((await db.$client.execute(`SELECT count(*) FROM ${table}`)).rows[0]![0]);
  } finally {
    db.$client.close();
  }
}

/** A Node process (with tsx) in the repository on the database `url`, e.g. `npm run user -- …`; answers when it ends. */
function runProcess(url: string, args: string[]) {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: repoRoot,
    env: childEnv({ DATABASE_URL: url, DISPATCH_PASSWORD: 'Added2020abc' }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return once(child, 'exit').then(([status]) => ({ status: status as number | null, output }));
}

const SIGNERS = ['signer-1', 'signer-2', 'signer-3', 'signer-4', 'signer-5'];
const SIGNER_PASSWORD = 'Signer2020abc';

/** A new database with the accounts that sign in, made before any server runs on it. */
async function createSigners(url: string): Promise<void> {
  const { db } = await prepareDb({ url, demo: false });
  const passwordHash = await hashPassword(SIGNER_PASSWORD);
  for (const login of SIGNERS) {
    await createUser(db, { login, displayName: login, role: 'viewer', regionCode: '430100', passwordHash }, { actorId: null, actorLogin: 'cli', address: null });
  }
  db.$client.close();
}

/** A process that holds the database's write lock for `ms` milliseconds, as a long write (an import) does. */
function holdWriteLock(url: string, ms: number): string {
  return `import { createDb, createUser, prepareDb } from '@dispatch/db';
    const db = createDb({ url: ${JSON.stringify(url)} });
    const lock = await db.$client.transaction('write');
    await lock.execute("INSERT INTO data_batches (kind, label) VALUES ('import', 'lock')");
    setTimeout(() => lock.rollback().then(() => db.$client.close()), ${ms});`;
}

async function signIn(server: RunningServer, login: string, password: string): Promise<{ status: number; cookie: string }> {
  const response = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ login, password }),
  });
  await response.arrayBuffer();
  return { status: response.status, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0]! };
}

describe('two processes on one database file', () => {
  test('two servers started at the same moment on a new file both come up; one fills it and prints the demo passwords', { timeout: 180_000 }, async () => {
    const url = `file:${join(dir, 'new.db')}`;
    const env = { DATABASE_URL: url, DEMO_DATA: 'true', WEB_DIST: '' };
    const started = await Promise.allSettled([spawnServer(env), spawnServer(env)]);
    for (const s of started) if (s.status === 'fulfilled') running.push(s.value);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'up'))).toEqual(['up', 'up']);
    const servers = running.slice(-2);
    expect(servers.map((s) => printedDemoPasswords(s.output).size).sort()).toEqual([0, 5]);
    expect(await count(url, 'data_batches')).toBe(1);
    expect(await count(url, 'users')).toBe(5);
    // Both serve the same data.
    for (const server of servers) expect((await fetch(`${server.url}/api/health`)).status).toBe(200);
  });

  test('npm run user adds accounts while the server signs people in and a long write holds the lock: no 500, no SQLITE_BUSY', { timeout: 180_000 }, async () => {
    const url = `file:${join(dir, 'busy.db')}`;
    await createSigners(url);
    const server = await spawnServer({ DATABASE_URL: url, DEMO_DATA: 'false', WEB_DIST: '' });
    running.push(server);
    const others = Promise.all([
      ...[1, 2, 3].map((n) => runProcess(url, ['apps/api/src/cli/user.ts', 'add', `added-${n}`, '--role', 'viewer', '--region', '430100'])),
      runProcess(url, ['--input-type=module', '-e', holdWriteLock(url, 500)]),
    ]);
    let othersDone = false;
    void others.then(() => (othersDone = true));
    // Waves of twenty sign-ins (four per account: under its five attempts in flight), each with a screen that reads
    // in parallel — which has the server's connection pool open more connections — until the others are done.
    const cookie = (await signIn(server, SIGNERS[0]!, SIGNER_PASSWORD)).cookie;
    const wave = SIGNERS.flatMap((login) => [1, 2, 3, 4].map(() => login));
    const statuses: number[] = [];
    while (!othersDone) {
      const periods = fetch(`${server.url}/api/periods`, { headers: { cookie } }).then((r) => r.status);
      statuses.push(...(await Promise.all([periods, ...wave.map(async (login) => (await signIn(server, login, SIGNER_PASSWORD)).status)])));
    }
    const results = await others;
    expect(results.map((r) => r.status)).toEqual([0, 0, 0, 0]);
    expect(results.map((r) => r.output).join('')).not.toContain('SQLITE_BUSY');
    expect(statuses.length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(await count(url, 'users')).toBe(SIGNERS.length + 3);
  });
});
