import { prepareDb, type PrepareOptions } from './prepare-db.ts';

/** A real libSQL database in memory, migrated, with the registry and (by default) the 2020 demo data. */
export async function createTestDb(demo: PrepareOptions['demo'] = {}) {
  const { db } = await prepareDb({ url: ':memory:', demo });
  return db;
}
