import type { AlertRule } from '../contract/alerts.ts';

/** The supervision rules (domain.md, "Supervision rules"); each is a file in core's alerts/. Kept apart from the
 * contract's zod schemas so that the web app takes the names without the validator. */
export const ALERT_RULES = ['behind-time', 'persistent-bottom', 'stalled', 'falling-back', 'funds-lagging', 'fund-gap'] as const;

/** 规则的中文名 */
export const RULE_LABELS: Readonly<Record<AlertRule, string>> = {
  'persistent-bottom': '持续排名靠后',
  'behind-time': '落后时序进度',
  stalled: '当月未开班',
  'falling-back': '退步',
  'funds-lagging': '资金执行滞后',
  'fund-gap': '资金缺口',
};
