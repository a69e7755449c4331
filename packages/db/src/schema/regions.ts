import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Province, 市州 and 县市区 with GB/T 2260 codes (data/regions.json). */
export const regions = sqliteTable(
  'regions',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    shortName: text('short_name').notNull(),
    level: text('level', { enum: ['province', 'city', 'county'] }).notNull(),
    parentCode: text('parent_code'),
  },
  (t) => [index('regions_parent_idx').on(t.parentCode)],
);

/**
 * Small key/value facts about the database. `data_version` goes up in every write batch, so that any server
 * (one embedded, or several on a remote libSQL) can tell whether what it computed earlier is still current.
 */
export const meta = sqliteTable('meta', {
  key: text('key').primaryKey(),
  value: integer('value').notNull(),
});
