/** The administrator's commands on the embedded database (scripts/backup.ts, scripts/restore.ts). */
export { runBackupCommand, runRestoreCommand } from './commands.ts';
