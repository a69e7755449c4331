/**
 * `<dbfile>.server`: the ids of the server processes running on an embedded database, one a line. A server adds
 * its own at start and takes it out as it exits; `npm run restore` refuses while any listed process is alive. A
 * process killed outright leaves its id behind: an id whose process is gone blocks nothing.
 */
import { appendFileSync, closeSync, existsSync, openSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { filePath } from '../env.ts';
import { realFile } from './database-file.ts';

export const markerOf = (dbFile: string) => `${dbFile}.server`;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM'; // alive, someone else's
  }
}

function readPids(marker: string): number[] {
  if (!existsSync(marker)) return [];
  return readFileSync(marker, 'utf8').split('\n').map(Number).filter((pid) => Number.isInteger(pid) && pid > 0);
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Runs `change` holding `<marker>.lock`, so that workers starting and stopping together do not drop each other's
 * lines. Synchronous: it also runs as the process exits. A lock older than 5 s was left by a killed process.
 */
function withLock(marker: string, change: () => void): void {
  const lock = `${marker}.lock`;
  for (let tries = 0; ; tries++) {
    try {
      closeSync(openSync(lock, 'wx'));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      if (tries > 400 || Date.now() - statSync(lock, { throwIfNoEntry: false })!.mtimeMs > 5000) unlinkSafely(lock);
      else Atomics.wait(pause, 0, 0, 5);
    }
  }
  try {
    change();
  } finally {
    unlinkSafely(lock);
  }
}

function unlinkSafely(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}

/** The server processes alive on the database file, from its marker. */
export function runningServers(dbFile: string): number[] {
  return readPids(markerOf(dbFile)).filter(isAlive);
}

/** Called once by each server process at start: lists it in the marker, and takes it out when the process exits. */
export function markServerRunning(url: string): void {
  if (!url.startsWith('file:')) return; // a remote server has no file here to restore over
  const marker = markerOf(realFile(filePath(url)));
  withLock(marker, () => appendFileSync(marker, `${process.pid}\n`));
  process.once('exit', () => {
    withLock(marker, () => {
      const others = readPids(marker).filter((pid) => pid !== process.pid && isAlive(pid));
      if (others.length) writeFileSync(marker, others.map((pid) => `${pid}\n`).join(''));
      else unlinkSafely(marker);
    });
  });
}
