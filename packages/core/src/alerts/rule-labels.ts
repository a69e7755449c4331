import type { AlertRule } from '../contract/alerts.ts';

/** 规则的中文名 */
export const RULE_LABELS: Readonly<Record<AlertRule, string>> = {
  'persistent-bottom': '持续排名靠后',
  'behind-time': '落后时序进度',
  stalled: '当月未开班',
  'falling-back': '退步',
  'funds-lagging': '资金执行滞后',
  'fund-gap': '资金缺口',
};
