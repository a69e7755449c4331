import { configureDb, createDb, type Db, type DbConfig } from './client.ts';
import { generateDemoData, type DemoOptions } from './demo/generate-demo.ts';
import { migrateDb } from './migrate.ts';
import { countClasses } from './queries/count-classes.ts';
import { loadDemoData } from './queries/load-demo-data.ts';
import { loadRegions } from './queries/load-regions.ts';
import { readRegionRegistry } from './registry.ts';

export interface PrepareOptions extends DbConfig {
  /** fill an empty database with the demo data (the default for `npm start`) */
  demo?: DemoOptions | false;
}

/**
 * Opens the database, applies migrations, loads the region registry and, if empty, the demo data. Another process
 * may be preparing the same new file at the same moment: `filledWithDemo` is true for the one that filled it.
 */
export async function prepareDb(options: PrepareOptions): Promise<{ db: Db; filledWithDemo: boolean }> {
  const db = createDb(options);
  await configureDb(db, options);
  await migrateDb(db);
  const registry = readRegionRegistry();
  await loadRegions(db, registry);
  // A quick look first spares generating data for a filled database; loadDemoData asks again, inside its write.
  if (options.demo === false || (await countClasses(db)) > 0) return { db, filledWithDemo: false };
  const filledWithDemo = await loadDemoData(db, generateDemoData(registry, options.demo || {}));
  return { db, filledWithDemo };
}
