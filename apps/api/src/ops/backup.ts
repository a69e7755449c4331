import { existsSync, linkSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { copyDatabase, createDb } from '@dispatch/db';
import { embeddedFile, fileStamp, inspectFile, OpsError } from './database-file.ts';

export interface BackupOptions {
  url: string;
  /** the folder the copies go to (created if missing) */
  dir: string;
  /** how many copies to keep, the newest; older ones are removed */
  keep: number;
  now?: Date;
}

export interface BackupResult {
  path: string;
  bytes: number;
  /** older copies removed to keep `keep` */
  removed: string[];
}

/** dispatch-20261127-020000.db, or dispatch-20261127-020000-2.db for a second copy within the same second. */
const BACKUP_NAME = /^dispatch-(\d{8}-\d{6})(?:-(\d+))?\.db$/;

/** A copy's place in time: its stamp, then its number within the second. */
function orderKey(name: string): string {
  const [, stamp, n] = BACKUP_NAME.exec(name)!;
  return `${stamp}-${(n ?? '1').padStart(4, '0')}`;
}

/**
 * Gives the checked copy its final name without overwriting another's: a hard link fails if the name is taken (two
 * backups started in the same second), and the next number is tried.
 */
function takeFreeName(dir: string, now: Date, partial: string): string {
  const stamp = fileStamp(now);
  for (let n = 1; ; n++) {
    const path = join(dir, n === 1 ? `dispatch-${stamp}.db` : `dispatch-${stamp}-${n}.db`);
    try {
      linkSync(partial, path);
      rmSync(partial, { force: true });
      return path;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
  }
}

/** The copies in `dir`, oldest first. */
export function listBackups(dir: string): string[] {
  const names = readdirSync(dir).filter((name) => BACKUP_NAME.test(name));
  return names.sort((a, b) => orderKey(a).localeCompare(orderKey(b))).map((name) => join(dir, name));
}

/**
 * A consistent copy of the embedded database while servers go on serving (VACUUM INTO, one read transaction),
 * checked with `PRAGMA integrity_check` before it takes its final name; then the oldest copies beyond `keep` go.
 */
export async function backupDatabase({ url, dir, keep, now = new Date() }: BackupOptions): Promise<BackupResult> {
  const source = embeddedFile(url);
  if (!existsSync(source)) throw new OpsError(`数据库文件不存在：${source}`);
  const folder = resolve(dir);
  mkdirSync(folder, { recursive: true });
  // its own temporary name: backups started at the same moment do not write into one file
  const partial = join(folder, `.dispatch-${fileStamp(now)}-${process.pid}-${randomUUID().slice(0, 8)}.db.partial`);
  const db = createDb({ url: `file:${source}` });
  try {
    await copyDatabase(db, partial);
  } catch (err) {
    rmSync(partial, { force: true });
    throw new OpsError(`备份失败：${err instanceof Error ? err.message : String(err)}`);
  } finally {
    db.$client.close();
  }
  const { problems } = await inspectFile(partial);
  if (problems.length) {
    rmSync(partial, { force: true });
    throw new OpsError(`备份副本未通过完整性检查，已删除：${problems.slice(0, 5).join('；')}`);
  }
  const path = takeFreeName(folder, now, partial);
  const removed = listBackups(folder).slice(0, -keep);
  for (const old of removed) rmSync(old, { force: true });
  return { path, bytes: statSync(path).size, removed };
}
