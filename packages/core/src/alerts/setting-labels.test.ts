import { expect, test } from 'vitest';
import { AlertSettingsSchema } from '../contract/alert-settings.ts';
import { DEFAULT_ALERT_SETTINGS } from './default-settings.ts';
import { ALERT_SETTING_FIELDS, ALERT_SETTING_NAMES, alertSettingValue } from './setting-labels.ts';

/** Every leaf of a zod object, as `group.key`. */
function leafPaths(shape: Record<string, unknown>): string[] {
  return Object.entries(shape).flatMap(([group, schema]) => Object.keys((schema as { shape: Record<string, unknown> }).shape).map((key) => `${group}.${key}`));
}

test('the labels name exactly the settings’ fields, in the schema’s order', () => {
  expect(ALERT_SETTING_FIELDS.map((f) => f.path)).toEqual(leafPaths(AlertSettingsSchema.shape));
});

test.each(ALERT_SETTING_FIELDS.map((f) => [f.path, f] as const))('%s: its default is inside its bounds, whole where it must be', (_, field) => {
  const value = alertSettingValue(DEFAULT_ALERT_SETTINGS, field) as number;
  expect(value).toBeGreaterThanOrEqual(field.min);
  expect(value).toBeLessThanOrEqual(field.max);
  if (field.whole) expect(Number.isInteger(value)).toBe(true);
});

test('a group and a field are named in Chinese by their path', () => {
  expect(ALERT_SETTING_NAMES['behindTime.redPoints']).toBe('严重落后：较时序进度不高于');
  expect(ALERT_SETTING_NAMES.fallingBack).toBe('退步的阈值');
});

test.each([
  [{ ...DEFAULT_ALERT_SETTINGS, behindTime: { redPoints: 5, redShareOfProvince: 0.75 } }, 'behindTime.redPoints', '应在 −100 至 0 百分点之间'],
  [{ ...DEFAULT_ALERT_SETTINGS, persistentBottom: { cities: 2.5, counties: 10, months: 3 } }, 'persistentBottom.cities', '应为整数'],
  [{ ...DEFAULT_ALERT_SETTINGS, fallingBack: { cityPlaces: 3 } }, 'fallingBack.countyPlaces', '缺少此项，应为整数'],
  [{ ...DEFAULT_ALERT_SETTINGS, fundsLagging: undefined }, 'fundsLagging', '缺少「资金执行滞后」的阈值'],
  [{ ...DEFAULT_ALERT_SETTINGS, behindTime: { ...DEFAULT_ALERT_SETTINGS.behindTime, redPoints: '−12' } }, 'behindTime.redPoints', '应为数字'],
])('%j: %s says %s', (input, path, message) => {
  const { error } = AlertSettingsSchema.safeParse(input);
  expect(error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([[path, message]]);
});

test('an unknown key inside a rule’s thresholds is refused, not dropped', () => {
  const { error } = AlertSettingsSchema.safeParse({ ...DEFAULT_ALERT_SETTINGS, fallingBack: { ...DEFAULT_ALERT_SETTINGS.fallingBack, extra: 1 } });
  expect(error?.issues).toMatchObject([{ code: 'unrecognized_keys', path: ['fallingBack'], keys: ['extra'] }]);
});
