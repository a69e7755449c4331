import { closeSync, copyFileSync, existsSync, fsyncSync, openSync, renameSync, rmSync, statSync } from 'node:fs';
import { checkpointWal, createDb } from '@dispatch/db';
import { embeddedFile, fileStamp, inspectFile, OpsError, realFile } from './database-file.ts';
import { markerOf, runningServers } from './server-marker.ts';

/** Tables every Dispatch database has had from its first migration: a file without them is something else. */
const DISPATCH_TABLES = ['__drizzle_migrations', 'meta', 'users', 'sessions', 'audit_log', 'regions'];

export interface RestoreOptions {
  url: string;
  /** the backup to put in place */
  file: string;
  now?: Date;
}

export interface RestoreResult {
  target: string;
  /** the database that was replaced, kept beside it (none if there was no file) */
  kept: string | null;
}

function refuseWhileServing(target: string): void {
  const pids = runningServers(target);
  if (pids.length) {
    throw new OpsError(
      `服务器正在使用该数据库（进程 ${pids.join('、')}）：请先停止所有服务器进程，再恢复。数据库未作任何改动。` +
        `（若确认这些进程不是本服务，可删除 ${markerOf(target)} 后重试）`,
    );
  }
}

async function checkBackup(file: string): Promise<void> {
  if (!existsSync(file) || !statSync(file).isFile()) throw new OpsError(`找不到备份文件：${file}`);
  const { problems, tables } = await inspectFile(file);
  if (problems.length) throw new OpsError(`备份文件未通过完整性检查，未恢复：${problems.slice(0, 5).join('；')}`);
  const missing = DISPATCH_TABLES.filter((table) => !tables.includes(table));
  if (missing.length) throw new OpsError(`${file} 不是 Dispatch 数据库（缺少数据表 ${missing.join('、')}），未恢复`);
}

/** The current database, its log folded in first, copied beside it before it is replaced. */
async function keepCurrent(target: string, now: Date): Promise<string | null> {
  if (!existsSync(target)) return null;
  const db = createDb({ url: `file:${target}` });
  try {
    await checkpointWal(db);
  } catch {
    // a damaged file is kept as it is, with its log below
  } finally {
    db.$client.close();
  }
  const kept = `${target}.before-restore-${fileStamp(now)}`;
  copyFileSync(target, kept);
  if (existsSync(`${target}-wal`) && statSync(`${target}-wal`).size > 0) copyFileSync(`${target}-wal`, `${kept}-wal`);
  return kept;
}

function copyDurably(from: string, to: string): void {
  copyFileSync(from, to);
  const fd = openSync(to, 'r+');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Puts a checked backup in place of the embedded database: refused while a server runs on it; the current file is
 * kept as `<dbfile>.before-restore-<time>`; the backup is copied beside the database and renamed over it, so the
 * database's name always holds a whole database, and the old write-ahead log is removed so it is never replayed
 * onto the restored file.
 */
export async function restoreDatabase({ url, file, now = new Date() }: RestoreOptions): Promise<RestoreResult> {
  const target = embeddedFile(url);
  const backup = realFile(file); // links followed on both sides, so that the check below compares files
  if (backup === target) throw new OpsError('备份文件就是当前数据库文件本身，无需恢复');
  await checkBackup(backup);
  refuseWhileServing(target);
  const temporary = `${target}.restore-${process.pid}.tmp`;
  copyDurably(backup, temporary);
  try {
    const kept = await keepCurrent(target, now);
    refuseWhileServing(target); // a server started meanwhile: nothing replaced yet
    rmSync(`${target}-wal`, { force: true });
    rmSync(`${target}-shm`, { force: true });
    renameSync(temporary, target);
    return { target, kept };
  } finally {
    rmSync(temporary, { force: true });
  }
}
