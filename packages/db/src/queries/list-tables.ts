import type { Db } from '../client.ts';

/** The names of the database's own tables (SQLite's internal ones left out), sorted. */
export async function listTables(db: Db): Promise<string[]> {
  const { rows } = await db.$client.execute("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name");
  return rows.map((row) => String(row[0]));
}
