import { alertSettingsOrDefault, type AlertSettings } from '@dispatch/core';
import { eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { meta } from '../schema/regions.ts';
import { settings } from '../schema/settings.ts';
import { appendAudit, type Actor } from './append-audit.ts';

/**
 * Stores new alert thresholds, bumps the settings version (every cached answer is made again) and records the
 * change from → to in the audit log, in one write transaction: what it records as "before" is what it replaced,
 * even when two administrators save at once; saving the thresholds in force writes nothing. Answers the thresholds
 * replaced.
 */
export async function setAlertSettings(db: Db, after: AlertSettings, actor: Actor): Promise<AlertSettings> {
  return db.transaction(
    async (tx) => {
      const [row] = await tx.select({ value: settings.value }).from(settings).where(eq(settings.key, 'alerts'));
      const before = alertSettingsOrDefault(row ? JSON.parse(row.value) : undefined);
      const value = JSON.stringify(after);
      // Saving what is already in force changes nothing: no version bump, no audit line.
      if (JSON.stringify(alertSettingsOrDefault(after)) === JSON.stringify(before)) return before;
      await tx
        .insert(settings)
        .values({ key: 'alerts', value })
        .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))` } });
      await tx.update(meta).set({ value: sql`${meta.value} + 1` }).where(eq(meta.key, 'settings_version'));
      await appendAudit(tx, { ...actor, action: 'settings.alerts', regionCode: null, detail: { before, after } });
      return before;
    },
    { behavior: 'immediate' },
  );
}
