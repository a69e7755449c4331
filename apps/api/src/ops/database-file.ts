import { existsSync, realpathSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkIntegrity, createDb, listTables } from '@dispatch/db';
import { filePath } from '../env.ts';

/** A refusal or failure of a backup or a restore, in words for the administrator; the command prints it and exits 1. */
export class OpsError extends Error {
  override name = 'OpsError';
}

/** The embedded database file DATABASE_URL names; a remote server's backups are the server's own business. */
/**
 * The file itself, a symbolic link followed: a restore through a link must replace the database the servers use
 * (and see their marker), not the link.
 */
export function realFile(path: string): string {
  const absolute = resolve(path);
  return existsSync(absolute) ? realpathSync(absolute) : absolute;
}

export function embeddedFile(url: string): string {
  if (url.startsWith('file:')) return realFile(filePath(url));
  if (url === ':memory:') throw new OpsError('DATABASE_URL 为内存数据库（:memory:），没有可备份或恢复的文件');
  throw new OpsError(
    'DATABASE_URL 指向远程 libSQL 数据库服务器：本命令只备份和恢复本机的数据库文件。远程数据库请使用该服务器自身的备份与恢复（如 sqld 的快照、Turso 的时间点恢复）。',
  );
}

/** What `PRAGMA integrity_check` and the list of tables say of a database file, read and closed again. */
export async function inspectFile(path: string): Promise<{ problems: string[]; tables: string[] }> {
  const db = createDb({ url: `file:${path}` });
  try {
    return { problems: await checkIntegrity(db), tables: await listTables(db) };
  } catch (err) {
    return { problems: [err instanceof Error ? err.message : String(err)], tables: [] };
  } finally {
    db.$client.close();
  }
}

/** A time as the files' names carry it: 20261127-020000, in the machine's local time (as cron reads its lines). */
export function fileStamp(at: Date): string {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}-${two(at.getHours())}${two(at.getMinutes())}${two(at.getSeconds())}`;
}

export function sizeInWords(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
