/**
 * A crash in the middle of an import: a real child process applying a large batch is killed with SIGKILL while its
 * write transaction is open (seen from here as the file's write lock being held), and the database found after is
 * exactly the one before — the same `.dump`, byte for byte — and passes integrity_check.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { demoFileDb } from '../write-path/fixture.ts';

const packageRoot = fileURLToPath(new URL('../../', import.meta.url));
const run = promisify(execFile);

const sqlite = (file: string, ...commands: string[]) => execFileSync('sqlite3', [file, ...commands], { maxBuffer: 1 << 30 }).toString();
const digest = (file: string) => createHash('sha256').update(sqlite(file, '.dump')).digest('hex');

/** Whether another connection holds the file's write lock (a write transaction is open). */
async function writeLocked(file: string): Promise<boolean> {
  try {
    await run('sqlite3', [file, 'PRAGMA busy_timeout = 0', 'BEGIN IMMEDIATE', 'ROLLBACK']);
    return false;
  } catch {
    return true;
  }
}

function childApplying(url: string, rows: number) {
  const code = `
    import { createDb, configureDb } from './src/client.ts';
    import { writeDataBatch } from './src/queries/write-data-batch.ts';
    const url = ${JSON.stringify(url)};
    const db = createDb({ url });
    await configureDb(db, { url });
    const classes = Array.from({ length: ${rows} }, (_, i) => ({
      classNo: 'CRASH' + String(i).padStart(7, '0'), regionCode: i % 2 ? '430102' : '430103', institution: '机构' + (i % 500),
      occupation: '电工', trainingType: 'employment', openedOn: '2020-05-02', finishedOn: '2020-06-01', enrolled: 40,
      completed: 38, subsidised: 30, subsidyStandard: 1500, exception: null,
    }));
    console.log('applying');
    await writeDataBatch(db, { kind: 'import', label: 'crash', importKind: 'classes', classes }, { actor: { actorId: null, actorLogin: 'crash', address: null } });
    console.log('done');`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], { cwd: packageRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return { child, output: () => output, exited: once(child, 'exit') };
}

test('a process killed by SIGKILL while applying an import leaves the database exactly as before', async () => {
  // The kill lands once the child holds the write lock; should the batch commit first, a fresh copy and a larger batch.
  for (let rows = 60_000; rows <= 240_000; rows *= 2) {
    const { db, file, url } = await demoFileDb();
    db.$client.close();
    const before = digest(file);
    const { child, output, exited } = childApplying(url, rows);
    let killedInside = false;
    while (child.exitCode === null && !output().includes('done')) {
      if (output().includes('applying') && (await writeLocked(file))) {
        child.kill('SIGKILL');
        killedInside = true;
        break;
      }
      await new Promise((r) => setTimeout(r, 5));
    }
    await exited;
    expect(output()).not.toContain('Error');
    if (!killedInside) continue;
    expect(sqlite(file, 'PRAGMA integrity_check').trim()).toBe('ok');
    expect(digest(file)).toBe(before);
    return;
  }
  throw new Error('the kill never landed inside the write transaction');
}, 180_000);
