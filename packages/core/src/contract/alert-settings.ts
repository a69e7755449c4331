import { z } from 'zod';
import { DEFAULT_ALERT_SETTINGS } from '../alerts/default-settings.ts';

const points = (description: string, min: number, max: number) =>
  z.number({ error: `${description}应为数字` }).min(min, `${description}应在 ${min} 至 ${max} 之间`).max(max, `${description}应在 ${min} 至 ${max} 之间`).meta({ description });
const whole = (description: string, min: number, max: number) =>
  z.number({ error: `${description}应为整数` }).int(`${description}应为整数`).min(min, `${description}应在 ${min} 至 ${max} 之间`).max(max, `${description}应在 ${min} 至 ${max} 之间`).meta({ description });

/**
 * The alert rules' thresholds (domain.md, "Supervision rules"), as the province administrator sets them. Points are
 * percentage points (−10 is ten points behind the time line).
 */
export const AlertSettingsSchema = z
  .object({
    behindTime: z.object({
      redPoints: points('严重落后的时序差（百分点）', -100, 0),
      redShareOfProvince: points('严重落后还须低于全省完成比例的比例', 0, 1),
    }),
    persistentBottom: z.object({
      cities: whole('市州后几位', 1, 13),
      counties: whole('县市区后几位', 1, 121),
      months: whole('连续月数', 2, 12),
    }),
    fallingBack: z.object({ cityPlaces: whole('市州名次下降位数', 1, 13), countyPlaces: whole('县市区名次下降位数', 1, 121) }),
    fundsLagging: z.object({
      belowCompletionPoints: points('资金执行率低于完成比例（百分点）', 0, 100),
      belowTimeLinePoints: points('资金执行率低于时序进度（百分点）', 0, 100),
    }),
  })
  .strict()
  .meta({ id: 'AlertSettings' });
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;


/** Stored thresholds as valid settings: what fails the schema (an older shape, a hand edit) gives the defaults. */
export function alertSettingsOrDefault(stored: unknown): AlertSettings {
  const parsed = AlertSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}
