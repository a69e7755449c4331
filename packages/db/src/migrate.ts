import { fileURLToPath } from 'node:url';
import { migrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

const migrationsFolder = fileURLToPath(new URL('../migrations', import.meta.url));

/**
 * Applies the committed migrations that the database has not seen yet. Drizzle reads what is applied and then
 * writes what is not, so a second process migrating at the same moment can find its migrations already applied
 * by the first ("table already exists"). The first's migrations are one transaction, so looking again finds
 * nothing left to do; a real failure fails again and is thrown.
 */
export async function migrateDb(db: Db): Promise<void> {
  try {
    await migrate(db, { migrationsFolder });
  } catch {
    await migrate(db, { migrationsFolder });
  }
}
