import type { AlertRule, Movers } from '../contract/alerts.ts';
import type { AlertSettings } from '../contract/alert-settings.ts';

/** The supervision rules (domain.md, "Supervision rules"); each is a file in core's alerts/. Kept apart from the
 * contract's zod schemas so that the web app takes the names without the validator. */
export const ALERT_RULES = ['behind-time', 'persistent-bottom', 'stalled', 'falling-back', 'funds-lagging', 'fund-gap', 'no-data'] as const;

/** 规则的中文名 */
export const RULE_LABELS: Readonly<Record<AlertRule, string>> = {
  'persistent-bottom': '持续排名靠后',
  'behind-time': '落后时序进度',
  stalled: '当月未开班',
  'falling-back': '退步',
  'funds-lagging': '资金执行滞后',
  'fund-gap': '资金缺口',
  'no-data': '数据未报送',
};

/** Who moved, in the order and words the alerts page and its Excel file give them. */
export const MOVER_GROUPS = [
  ['up', '名次上升最多'],
  ['down', '名次下降最多'],
  ['newlyBehind', '本月新落后于时序进度'],
  ['recovered', '本月赶上时序进度'],
] as const satisfies readonly (readonly [keyof Movers, string])[];

/** 「市州后3位、县市区后10位，连续3个月以上」: whom the summons list takes, from the thresholds as set. */
export function summonsCriteria({ persistentBottom: { cities, counties, months } }: AlertSettings): string {
  return `市州后${cities}位、县市区后${counties}位，连续${months}个月以上`;
}
