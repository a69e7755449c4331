/** npm run backup [-- --to DIR] [--keep K]: see apps/api/src/ops/commands.ts. */
import { runBackupCommand } from '@dispatch/api/ops';

await runBackupCommand(process.argv.slice(2));
