/**
 * npm run backup and npm run restore as an administrator runs them, against the real server in another process:
 * a backup taken while the server writes is a sound database as of one commit; a restore puts every table back
 * row for row; a restore is refused while a server runs on the database; --keep prunes the oldest copies.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { childEnv, hashPassword, makeXlsx, spawnServer, type RunningServer } from '@dispatch/api/testing';
import { createUser, prepareDb } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const PASSWORD = 'Backup2020pass';

let dir: string;
let dbFile: string;
/** Servers started and not yet stopped (a stopped one's stop() would wait for an exit already past). */
const servers = new Set<RunningServer>();

/** `npm run <script> -- args` on the test's database: its exit code and what it printed. */
async function npmRun(script: 'backup' | 'restore', args: string[]): Promise<{ code: number; out: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', `scripts/${script}.ts`, ...args], {
    cwd: repoRoot,
    env: childEnv({ DATABASE_URL: `file:${dbFile}` }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? -1)));
  return { code, out };
}

/** A query through the sqlite3 command line, independent of the product's own client. */
function sqlite(file: string, sql: string): string {
  return execFileSync('sqlite3', ['-batch', file, sql], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 }).trim();
}

const tablesOf = (file: string) => sqlite(file, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").split('\n');
const countOf = (file: string, sql: string) => Number(sqlite(file, sql));

/** Every row of every table, as the sqlite3 shell dumps it, table by table. */
function dumpTables(file: string): Map<string, string> {
  return new Map(tablesOf(file).map((table) => [table, sqlite(file, `.dump "${table}"`)]));
}

async function startServer(): Promise<RunningServer> {
  const server = await spawnServer({ DATABASE_URL: `file:${dbFile}`, DEMO_DATA: 'false', WEB_DIST: '', LOG_LEVEL: 'warn' });
  servers.add(server);
  return { ...server, stop: () => (servers.delete(server), server.stop()) };
}

async function signIn(base: string): Promise<{ cookie: string; csrfToken: string }> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'backup-admin', password: PASSWORD }),
  });
  expect(response.status).toBe(200);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken };
}

const CLASS_HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）'];

/** An import of one new class: a data batch, its class, and the data version bumped, in one write. */
async function importClass(base: string, session: { cookie: string; csrfToken: string }, no: string): Promise<Response> {
  const file = await makeXlsx({ 培训班: [CLASS_HEADERS, [no, '430182', '宁乡市职业技术培训学校', '育婴员', '以工代训', '2021-01-05', '2021-01-25', 40, 38, 30, 1100]] });
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(file)]), '培训班.xlsx');
  return fetch(`${base}/api/imports?kind=classes`, {
    method: 'POST',
    headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, origin: base },
    body: form,
  });
}

/**
 * Writes until stopped: each round a change of the alert thresholds (the settings row, the settings version and an
 * audit line, in one transaction); every third round a sign-in too (a session and an audit line), and an import of
 * one new class (a data batch, the class, the data version). Counts the rounds answered.
 */
function writeLoop(base: string, session: { cookie: string; csrfToken: string }) {
  const state = { writes: 0, stopped: false, failures: [] as string[] };
  const done = (async () => {
    const current = (await (await fetch(`${base}/api/settings/alerts`, { headers: { cookie: session.cookie } })).json()) as any;
    for (let i = 0; !state.stopped; i++) {
      const next = { ...current, persistentBottom: { ...current.persistentBottom, months: 2 + ((current.persistentBottom.months - 1 + i) % 11) } };
      const response = await fetch(`${base}/api/settings/alerts`, {
        method: 'PUT',
        headers: { cookie: session.cookie, 'x-csrf-token': session.csrfToken, 'content-type': 'application/json' },
        body: JSON.stringify(next),
      });
      if (response.status !== 200) state.failures.push(`${response.status} ${await response.text()}`);
      if (i % 3 === 0) await signIn(base);
      if (i % 3 === 1) {
        const imported = await importClass(base, session, `BK${String(i).padStart(5, '0')}`);
        if (imported.status !== 201) state.failures.push(`import ${imported.status} ${await imported.text()}`);
      }
      state.writes++;
    }
  })();
  return { state, stop: async () => ((state.stopped = true), await done) };
}

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}

const printedPath = (out: string) => /已备份：(\S+?)（/.exec(out)?.[1];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-backup-'));
  dbFile = join(dir, 'dispatch.db');
  const { db } = await prepareDb({ url: `file:${dbFile}`, demo: false });
  const passwordHash = await hashPassword(PASSWORD);
  await createUser(db, { login: 'backup-admin', displayName: '备份测试', role: 'province-admin', regionCode: '430000', passwordHash }, { actorId: null, actorLogin: 'cli', address: null });
  db.$client.close();
});

afterAll(async () => {
  await Promise.all([...servers].map((server) => server.stop()));
  rmSync(dir, { recursive: true, force: true });
});

describe('backup and restore', () => {
  let backup: string;
  let acknowledgedBefore: number;

  test('a backup taken while the server writes is sound and as of one commit', async () => {
    const server = await startServer();
    const writer = writeLoop(server.url, await signIn(server.url));
    await waitFor(() => writer.state.writes >= 5);
    acknowledgedBefore = writer.state.writes;
    const { code, out } = await npmRun('backup', ['--to', join(dir, 'backups')]);
    const during = writer.state.writes - acknowledgedBefore;
    await waitFor(() => writer.state.writes >= acknowledgedBefore + during + 3); // the server went on writing after
    await writer.stop();
    await server.stop();
    expect(writer.state.failures).toEqual([]);
    expect(code, out).toBe(0);
    backup = printedPath(out)!;
    expect(backup).toMatch(/dispatch-\d{8}-\d{6}\.db$/);
    expect(out).toMatch(/（\d+\.\d (KB|MB)，完整性检查通过）/);
    expect(sqlite(backup, 'PRAGMA integrity_check')).toBe('ok');

    // One commit point: the settings version counts exactly the threshold changes the audit log holds, the sessions
    // exactly the sign-ins, and the thresholds stored are the last change's.
    const settingsVersion = countOf(backup, "SELECT value FROM meta WHERE key = 'settings_version'");
    expect(countOf(backup, "SELECT count(*) FROM audit_log WHERE action = 'settings.alerts'")).toBe(settingsVersion);
    expect(countOf(backup, 'SELECT count(*) FROM sessions')).toBe(countOf(backup, "SELECT count(*) FROM audit_log WHERE action = 'auth.login'"));
    const stored = sqlite(backup, "SELECT json_extract(value, '$.persistentBottom.months') FROM settings WHERE key = 'alerts'");
    const lastChange = sqlite(backup, "SELECT json_extract(detail, '$.after.persistentBottom.months') FROM audit_log WHERE action = 'settings.alerts' ORDER BY id DESC LIMIT 1");
    expect(stored).toBe(lastChange);
    // Each import is one batch, one new class and one step of the data version.
    const batches = countOf(backup, 'SELECT count(*) FROM data_batches');
    expect(batches).toBeGreaterThan(0);
    expect(countOf(backup, 'SELECT count(*) FROM training_classes')).toBe(batches);
    expect(countOf(backup, "SELECT value FROM meta WHERE key = 'data_version'")).toBe(batches);
    // Every change answered before the backup began is in it; the database went on past it.
    expect(settingsVersion).toBeGreaterThanOrEqual(acknowledgedBefore);
    expect(countOf(dbFile, "SELECT value FROM meta WHERE key = 'settings_version'")).toBeGreaterThan(settingsVersion);
  });

  test('a restore is refused while a server runs on the database, and changes nothing', async () => {
    const server = await startServer();
    const before = dumpTables(dbFile);
    const { code, out } = await npmRun('restore', [backup]);
    expect(code).toBe(1);
    expect(out).toContain('服务器正在使用该数据库');
    await server.stop();
    expect(dumpTables(dbFile)).toEqual(before);
    expect(readdirSync(dir).filter((name) => name.includes('before-restore'))).toEqual([]);
  });

  test('a restore onto a stopped server’s file puts every table back row for row, and keeps the file it replaced', async () => {
    // A server killed outright leaves its id in the marker: it blocks nothing once its process is gone.
    appendFileSync(`${dbFile}.server`, `${spawnSync(process.execPath, ['-e', '']).pid}\n`);
    const replaced = dumpTables(dbFile);
    const { code, out } = await npmRun('restore', [backup]);
    expect(code, out).toBe(0);
    expect(existsSync(`${dbFile}-wal`)).toBe(false); // the replaced database's log, never to be replayed onto this one
    expect(dumpTables(dbFile)).toEqual(dumpTables(backup));
    const kept = /原数据库已保留为：(\S+)/.exec(out)![1]!;
    expect(kept).toMatch(/dispatch\.db\.before-restore-\d{8}-\d{6}$/);
    expect(dumpTables(kept)).toEqual(replaced);
    const version = (file: string) => countOf(file, "SELECT value FROM meta WHERE key = 'settings_version'");
    expect(version(dbFile)).toBeLessThan(version(kept));

    // The restored database serves: the server starts on it and the account signs in.
    const server = await startServer();
    await signIn(server.url);
    await server.stop();
  });

  test('a file that is not a Dispatch database is refused before anything is touched', async () => {
    const stranger = join(dir, 'other.db');
    sqlite(stranger, 'CREATE TABLE t(x); INSERT INTO t VALUES (1);');
    const before = dumpTables(dbFile);
    const { code, out } = await npmRun('restore', [stranger]);
    expect(code).toBe(1);
    expect(out).toContain('不是 Dispatch 数据库');
    expect(dumpTables(dbFile)).toEqual(before);
  });

  test('--keep 2 keeps the two newest copies', async () => {
    const to = join(dir, 'kept');
    const written: string[] = [];
    for (let i = 0; i < 3; i++) {
      const { code, out } = await npmRun('backup', ['--to', to, '--keep', '2']);
      expect(code, out).toBe(0);
      written.push(printedPath(out)!);
    }
    expect(readdirSync(to).map((name) => join(to, name)).sort()).toEqual(written.slice(1).sort());
  });

  test('a remote libSQL database is refused with a pointer to the server’s own backups', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/backup.ts'], {
      cwd: repoRoot,
      env: childEnv({ DATABASE_URL: 'libsql://dispatch.example.gov.cn' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stderr.on('data', (chunk: Buffer) => (out += chunk.toString()));
    const code = await new Promise((resolve) => child.once('exit', resolve));
    expect(code).toBe(1);
    expect(out).toContain('远程数据库请使用该服务器自身的备份');
  });
});
