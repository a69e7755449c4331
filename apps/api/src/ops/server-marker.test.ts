/**
 * `<dbfile>.server` as several server processes start and stop together (workers of one cluster): each is listed
 * while it runs, none loses another's line, the file goes with the last one, and a dead process's id blocks nothing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, test } from 'vitest';
import { markerOf, runningServers } from './server-marker.ts';

const dir = mkdtempSync(join(tmpdir(), 'dispatch-marker-'));
const dbFile = join(dir, 'dispatch.db');
const marker = markerOf(dbFile);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A process that marks itself running on the database, as server.ts does, and exits when its stdin closes. */
function fakeServer(): ChildProcess {
  const code = `import { markServerRunning } from './src/ops/server-marker.ts';
markServerRunning(${JSON.stringify(`file:${dbFile}`)});
process.stdout.write('marked\\n');
process.stdin.resume().on('end', () => process.exit(0));`;
  const apiRoot = fileURLToPath(new URL('../../', import.meta.url));
  return spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: apiRoot, stdio: ['pipe', 'pipe', 'inherit'] });
}

const marked = (child: ChildProcess) => new Promise<void>((resolve) => child.stdout!.once('data', () => resolve()));
const exited = (child: ChildProcess) => new Promise<void>((resolve) => child.once('exit', () => resolve()));
const listed = () => (existsSync(marker) ? readFileSync(marker, 'utf8').split('\n').filter(Boolean).map(Number).sort() : []);

test('processes starting and stopping together are each listed while they run; the marker goes with the last', async () => {
  const children = Array.from({ length: 4 }, fakeServer);
  await Promise.all(children.map(marked));
  const pids = children.map((child) => child.pid!).sort();
  expect(listed()).toEqual(pids);
  expect(runningServers(dbFile).sort()).toEqual(pids);

  const [a, b, ...rest] = children;
  await Promise.all([a, b].map((child) => (child!.stdin!.end(), exited(child!))));
  expect(listed()).toEqual(rest.map((child) => child.pid!).sort());

  await Promise.all(rest.map((child) => (child.stdin!.end(), exited(child))));
  expect(existsSync(marker)).toBe(false);
});

test('the id of a process that is gone (killed before it could take itself out) blocks nothing', () => {
  const gone = spawnSync(process.execPath, ['-e', '']).pid!;
  writeFileSync(marker, `${gone}\n`);
  expect(runningServers(dbFile)).toEqual([]);
});
