/**
 * Two processes on one database file: a write that meets the other process's lock waits for it (a busy timeout on
 * every pooled connection, and a retry past it) instead of failing with SQLITE_BUSY, and migrations run by two
 * processes at once are applied once. The other process is a real one: libSQL's calls are synchronous, so a lock
 * held in this process could never be let go while this process waits for it.
 */
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { configureDb, createDb, type Db } from './client.ts';

const packageRoot = fileURLToPath(new URL('../', import.meta.url));
let dir: string;
let url: string;
const opened: Db[] = [];

async function open(at = url): Promise<Db> {
  const db = createDb({ url: at });
  await configureDb(db, { url: at });
  opened.push(db);
  return db;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-client-'));
  url = `file:${join(dir, 'two.db')}`;
  await (await open()).$client.execute('CREATE TABLE scratch (n INTEGER NOT NULL)');
});
afterAll(() => {
  for (const db of opened) db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

/**
 * A module run as its own Node process (TypeScript through tsx) in packages/db; `ready` resolves once it prints
 * `waitFor`, `go()` writes a line to its standard input.
 */
function startProcess(code: string, waitFor?: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: packageRoot, stdio: ['pipe', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  const exited = once(child, 'exit').then(([status]) => ({ status: status as number | null, output }));
  const ready = waitFor
    ? new Promise<void>((resolve, reject) => {
        child.stdout.on('data', () => output.includes(waitFor) && resolve());
        void exited.then(() => reject(new Error(`exited before "${waitFor}":\n${output}`)));
      })
    : Promise.resolve();
  return { ready, exited, go: () => child.stdin.end('go\n') };
}

test('every pooled connection has the busy timeout, not only the first', async () => {
  const db = await open();
  // An open transaction holds its connection, so the reads below are made on connections the pool opens anew.
  const held = await db.$client.transaction('read');
  const timeouts = await Promise.all([1, 2, 3].map(() => db.$client.execute('PRAGMA busy_timeout')));
  held.close();
  expect(timeouts.map((r) => Number(r.rows[0]![0]))).toEqual([5000, 5000, 5000]);
});

test('writes that meet another process’s write lock wait for it instead of failing with SQLITE_BUSY', async () => {
  const writer = await open();
  // The other process takes the write lock, says so, and lets go a moment later by itself.
  const holder = startProcess(
    `import { createDb } from './src/client.ts';
     const db = createDb({ url: ${JSON.stringify(url)} });
     const lock = await db.$client.transaction('write');
     await lock.execute('INSERT INTO scratch (n) VALUES (0)');
     console.log('locked');
     setTimeout(() => lock.commit().then(() => db.$client.close()), 300);`,
    'locked',
  );
  await holder.ready;
  // The pool's first connection is kept busy, so that the writes go to connections the pool opens anew.
  const first = await writer.$client.transaction('read');
  const writes = [1, 2, 3, 4].map((n) =>
    n % 2
      ? writer.$client.execute({ sql: 'INSERT INTO scratch (n) VALUES (?)', args: [n] })
      : writer.$client.batch([{ sql: 'INSERT INTO scratch (n) VALUES (?)', args: [n] }], 'write'),
  );
  const outcomes = await Promise.allSettled(writes);
  first.close();
  expect(outcomes.map((o) => (o.status === 'rejected' ? String(o.reason) : 'written'))).toEqual(['written', 'written', 'written', 'written']);
  expect((await holder.exited).status).toBe(0);
  expect(Number((await writer.$client.execute('SELECT count(*) FROM scratch')).rows[0]![0])).toBe(5);
});

test('migrations run by two processes at once on a new file: both succeed, each migration applied once', async () => {
  const fresh = `file:${join(dir, 'migrate.db')}`;
  // Each opens the database, says so, and migrates when told: both are told at the same moment.
  const migrate = `import { once } from 'node:events';
     import { configureDb, createDb } from './src/client.ts';
     import { migrateDb } from './src/migrate.ts';
     const config = { url: ${JSON.stringify(fresh)} };
     const db = createDb(config);
     await configureDb(db, config);
     console.log('ready');
     await once(process.stdin, 'data');
     await migrateDb(db);`;
  const processes = [startProcess(migrate, 'ready'), startProcess(migrate, 'ready')];
  await Promise.all(processes.map((p) => p.ready));
  processes.forEach((p) => p.go());
  const results = await Promise.all(processes.map((p) => p.exited));
  expect(results).toEqual([{ status: 0, output: 'ready\n' }, { status: 0, output: 'ready\n' }]);
  const files = readdirSync(join(packageRoot, 'migrations')).filter((f) => f.endsWith('.sql'));
  const db = await open(fresh);
  expect(Number((await db.$client.execute('SELECT count(*) FROM __drizzle_migrations')).rows[0]![0])).toBe(files.length);
});

test('writers of one process take turns: five interleaved transactions, batches and statements all commit, none meets SQLITE_BUSY', { timeout: 60_000 }, async () => {
  const db = await open();
  await db.$client.execute('CREATE TABLE turns (writer INTEGER NOT NULL, step INTEGER NOT NULL)');
  const pause = () => new Promise((resolve) => setTimeout(resolve, 5));
  // Each transaction writes, gives the event loop away, writes again: without turns, the second one's BEGIN IMMEDIATE
  // waited out its busy timeout with the first one unable to go on, and failed.
  const transactions = [1, 2, 3, 4, 5].map(async (writer) => {
    const tx = await db.$client.transaction('write');
    try {
      await tx.execute({ sql: 'INSERT INTO turns VALUES (?, 1)', args: [writer] });
      await pause();
      const { rows } = await tx.execute({ sql: 'SELECT count(*) AS n FROM turns WHERE writer = ?', args: [writer] });
      await tx.execute({ sql: 'INSERT INTO turns VALUES (?, ?)', args: [writer, Number(rows[0]!.n) + 1] });
      await tx.commit();
    } finally {
      tx.close();
    }
  });
  const batches = [6, 7].map((writer) => db.$client.batch([{ sql: 'SELECT count(*) FROM turns', args: [] }, { sql: 'INSERT INTO turns VALUES (?, 1)', args: [writer] }]));
  const statements = [8, 9].map((writer) => db.$client.execute({ sql: 'INSERT INTO turns VALUES (?, 1)', args: [writer] }));
  // a read never waits for a turn, even while a transaction holds one
  const reads = [1, 2, 3].map(() => db.$client.execute('SELECT count(*) AS n FROM turns'));
  await Promise.all([...transactions, ...batches, ...statements, ...reads]);
  const { rows } = await db.$client.execute('SELECT writer, group_concat(step) AS steps FROM turns GROUP BY writer ORDER BY writer');
  expect(rows.map((r) => [Number(r.writer), String(r.steps)])).toEqual([
    [1, '1,2'], [2, '1,2'], [3, '1,2'], [4, '1,2'], [5, '1,2'], [6, '1'], [7, '1'], [8, '1'], [9, '1'],
  ]);
});

test('a transaction rolled back or failing in its commit gives its turn back', { timeout: 30_000 }, async () => {
  const db = await open();
  const first = await db.$client.transaction('write');
  await first.execute('CREATE TABLE IF NOT EXISTS given_back (n INTEGER)');
  await first.rollback();
  first.close();
  const second = await db.$client.transaction('write');
  await second.execute('INSERT INTO scratch VALUES (42)');
  second.close(); // closed without commit: rolled back, turn given back
  await db.$client.execute('INSERT INTO scratch VALUES (43)'); // would wait forever if a turn were kept
  const { rows } = await db.$client.execute('SELECT n FROM scratch WHERE n IN (42, 43)');
  expect(rows.map((r) => Number(r.n))).toEqual([43]);
});
