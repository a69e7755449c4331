/**
 * npm run backup [-- --to DIR] [--keep K]   a checked copy of the database, named by time, the last K kept
 * npm run restore -- FILE                   a checked backup in place of the database, with no server running
 * Both work on the database DATABASE_URL names (the server's .env is read first, as the server reads it).
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { readCliEnv } from '../env.ts';
import { backupDatabase } from './backup.ts';
import { OpsError, sizeInWords } from './database-file.ts';
import { restoreDatabase } from './restore.ts';

const BACKUP_USAGE = '用法：npm run backup [-- --to <文件夹>] [--keep <保留份数>]（默认 .data/backups，保留 14 份）';
const RESTORE_USAGE = '用法：npm run restore -- <备份文件>（须先停止服务器）';

/** Runs a command: an OpsError or a wrong argument is one line on stderr and exit code 1. */
async function run(usage: string, command: () => Promise<void>): Promise<void> {
  try {
    await command();
  } catch (err) {
    const badArgument = err instanceof TypeError && String((err as NodeJS.ErrnoException).code).startsWith('ERR_PARSE_ARGS');
    if (!(err instanceof OpsError) && !badArgument) throw err;
    console.error(err instanceof OpsError ? err.message : `${(err as Error).message}\n${usage}`);
    process.exitCode = 1;
  }
}

function databaseUrl(): string {
  if (existsSync('.env')) process.loadEnvFile('.env');
  return readCliEnv().DATABASE_URL;
}

export async function runBackupCommand(argv: string[]): Promise<void> {
  await run(BACKUP_USAGE, async () => {
    const { values } = parseArgs({ args: argv, options: { to: { type: 'string', default: '.data/backups' }, keep: { type: 'string', default: '14' } } });
    const keep = Number(values.keep);
    if (!Number.isInteger(keep) || keep < 1) throw new OpsError(`--keep ${values.keep}：保留份数须为正整数\n${BACKUP_USAGE}`);
    const { path, bytes, removed } = await backupDatabase({ url: databaseUrl(), dir: values.to, keep });
    console.log(`已备份：${path}（${sizeInWords(bytes)}，完整性检查通过）`);
    if (removed.length) console.log(`按保留 ${keep} 份，已删除较早的备份：${removed.join('、')}`);
  });
}

export async function runRestoreCommand(argv: string[]): Promise<void> {
  await run(RESTORE_USAGE, async () => {
    const { positionals } = parseArgs({ args: argv, allowPositionals: true, options: {} });
    if (positionals.length !== 1) throw new OpsError(RESTORE_USAGE);
    const { target, kept } = await restoreDatabase({ url: databaseUrl(), file: positionals[0]! });
    console.log(`已恢复：${positionals[0]} → ${target}（完整性检查通过）`);
    if (kept) console.log(`原数据库已保留为：${kept}`);
  });
}
