import { z } from 'zod';
import { DEFAULT_ALERT_SETTINGS } from '../alerts/default-settings.ts';
import { ALERT_SETTING_GROUP_LABELS, ALERT_SETTING_SPECS, type AlertSettingGroup, type AlertSettingSpec } from '../alerts/setting-labels.ts';
import { formatExact } from '../display/numbers.ts';

/** A threshold from its spec: its bounds and messages are the settings screen's (the API names the field). */
function threshold(spec: AlertSettingSpec) {
  const type = spec.whole ? '整数' : '数字';
  const range = `应在 ${formatExact(spec.min)} 至 ${formatExact(spec.max)} ${spec.unit}之间`;
  const number = z.number({ error: (issue) => (issue.input === undefined ? `缺少此项，应为${type}` : `应为${type}`) });
  return (spec.whole ? number.int(`应为整数`) : number).min(spec.min, range).max(spec.max, range).meta({ description: `${spec.label}（${spec.unit}）` });
}

/** One rule's thresholds: an object with exactly these keys (an unknown one is refused, not dropped). */
function group<G extends AlertSettingGroup, Shape extends z.ZodRawShape>(name: G, shape: Shape) {
  const label = ALERT_SETTING_GROUP_LABELS[name];
  return z.strictObject(shape, { error: (issue) => (issue.code === 'invalid_type' ? (issue.input === undefined ? `缺少「${label}」的阈值` : `「${label}」的阈值应为对象`) : undefined) });
}

const { behindTime, persistentBottom, fallingBack, fundsLagging } = ALERT_SETTING_SPECS;

/**
 * The alert rules' thresholds (domain.md, "Supervision rules"), as the province administrator sets them. Points are
 * percentage points (−10 is ten points behind the time line). Names, units and bounds: alerts/setting-labels.ts.
 */
export const AlertSettingsSchema = z
  .strictObject({
    behindTime: group('behindTime', { redPoints: threshold(behindTime.redPoints), redShareOfProvince: threshold(behindTime.redShareOfProvince) }),
    persistentBottom: group('persistentBottom', {
      cities: threshold(persistentBottom.cities),
      counties: threshold(persistentBottom.counties),
      months: threshold(persistentBottom.months),
    }),
    fallingBack: group('fallingBack', { cityPlaces: threshold(fallingBack.cityPlaces), countyPlaces: threshold(fallingBack.countyPlaces) }),
    fundsLagging: group('fundsLagging', {
      belowCompletionPoints: threshold(fundsLagging.belowCompletionPoints),
      belowTimeLinePoints: threshold(fundsLagging.belowTimeLinePoints),
    }),
  })
  .meta({ id: 'AlertSettings' });
export type AlertSettings = z.infer<typeof AlertSettingsSchema>;

/** Stored thresholds as valid settings: what fails the schema (an older shape, a hand edit) gives the defaults. */
export function alertSettingsOrDefault(stored: unknown): AlertSettings {
  const parsed = AlertSettingsSchema.safeParse(stored);
  return parsed.success ? parsed.data : DEFAULT_ALERT_SETTINGS;
}
