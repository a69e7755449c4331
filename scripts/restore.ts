/** npm run restore -- FILE: see apps/api/src/ops/commands.ts. */
import { runRestoreCommand } from '@dispatch/api/ops';

await runRestoreCommand(process.argv.slice(2));
