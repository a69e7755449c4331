import { alertSettingsOrDefault, type AlertSettings } from '@dispatch/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { settings } from '../schema/settings.ts';

/** The alert rules' thresholds as set, or the defaults while none are (a stored value is always validated first). */
export async function getAlertSettings(db: Db): Promise<AlertSettings> {
  const [row] = await db.select({ value: settings.value }).from(settings).where(eq(settings.key, 'alerts'));
  return alertSettingsOrDefault(row ? JSON.parse(row.value) : undefined);
}
