import { sql } from 'drizzle-orm';
import { sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Settings an administrator changes (the alert rules' thresholds under 'alerts'), as validated JSON. Every change
 * bumps meta's `settings_version` in the same batch, so no cached answer outlives the settings it was made with.
 */
export const settings = sqliteTable('settings', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
});
