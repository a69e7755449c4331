/**
 * The alert thresholds as people read them: the one list the settings screen, the audit log's description of a
 * change and the API's validation messages take their names, units and bounds from. Kept free of zod so that the
 * web app takes it without the validator.
 */

/** One threshold: what it is called, its unit, what it may be. */
export interface AlertSettingSpec {
  /** the screen's label, which is also the audit log's and the API's name for it */
  label: string;
  unit: string;
  /** a hint beside the input, when the unit alone does not say how to write the value */
  hint?: string;
  min: number;
  max: number;
  /** whole numbers only (places, months) */
  whole: boolean;
  step: number;
}

const points = (label: string, min: number, max: number): AlertSettingSpec => ({ label, unit: '百分点', min, max, whole: false, step: 0.1 });
const places = (label: string, unit: string, min: number, max: number): AlertSettingSpec => ({ label, unit, min, max, whole: true, step: 1 });

/**
 * Every threshold, by rule and by key, in the order the screen shows them. Its groups and keys are the settings'
 * own (AlertSettingsSchema is built from these specs; a test holds the two to the same shape).
 */
export const ALERT_SETTING_SPECS = {
  behindTime: {
    redPoints: points('严重落后：较时序进度不高于', -100, 0),
    redShareOfProvince: { label: '严重落后：且完成比例低于全省的', unit: '倍', hint: '如 0.75', min: 0, max: 1, whole: false, step: 0.01 },
  },
  persistentBottom: {
    cities: places('持续靠后：市州后', '位', 1, 13),
    counties: places('持续靠后：县市区后', '位', 1, 121),
    months: places('持续靠后：连续', '个月', 2, 12),
  },
  fallingBack: {
    cityPlaces: places('退步：市州名次下降', '位及以上', 1, 13),
    countyPlaces: places('退步：县市区名次下降', '位及以上', 1, 121),
  },
  fundsLagging: {
    belowCompletionPoints: points('资金执行滞后：低于完成比例超过', 0, 100),
    belowTimeLinePoints: points('资金执行滞后：或低于时序进度超过', 0, 100),
  },
} as const satisfies Record<string, Record<string, AlertSettingSpec>>;

export type AlertSettingGroup = keyof typeof ALERT_SETTING_SPECS;

/** Each rule's thresholds as a whole, named as the rule is (RULE_LABELS). */
export const ALERT_SETTING_GROUP_LABELS: Readonly<Record<AlertSettingGroup, string>> = {
  behindTime: '落后时序进度',
  persistentBottom: '持续排名靠后',
  fallingBack: '退步',
  fundsLagging: '资金执行滞后',
};

/** A threshold with where it sits: `path` is `group.key`, as the API names it in a message. */
export interface AlertSettingField extends AlertSettingSpec {
  group: AlertSettingGroup;
  key: string;
  path: string;
}

/** The thresholds as one flat list, in the screen's order. */
export const ALERT_SETTING_FIELDS: readonly AlertSettingField[] = Object.entries(ALERT_SETTING_SPECS).flatMap(([group, specs]) =>
  Object.entries(specs).map(([key, spec]: [string, AlertSettingSpec]) => ({ ...spec, group: group as AlertSettingGroup, key, path: `${group}.${key}` })),
);

/** Each threshold's and each group's Chinese name by its path (`behindTime.redPoints`, `behindTime`). */
export const ALERT_SETTING_NAMES: Readonly<Record<string, string>> = Object.fromEntries([
  ...Object.entries(ALERT_SETTING_GROUP_LABELS).map(([group, label]) => [group, `${label}的阈值`]),
  ...ALERT_SETTING_FIELDS.map((field) => [field.path, field.label]),
]);

/** A field's value in a settings object (or in anything shaped like one: stored JSON, an audit line). */
export function alertSettingValue(settings: unknown, field: Pick<AlertSettingField, 'group' | 'key'>): unknown {
  const group = (settings as Record<string, unknown> | null | undefined)?.[field.group];
  return group && typeof group === 'object' ? (group as Record<string, unknown>)[field.key] : undefined;
}
