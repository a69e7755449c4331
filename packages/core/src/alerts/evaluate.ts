import type { Alert, AlertRule, AlertSummary } from '../contract/alerts.ts';
import { behindTime } from './behind-time.ts';
import type { AlertContext, AlertRuleFunction } from './context.ts';
import { fallingBack, moversOf } from './falling-back.ts';
import { fundGap } from './fund-gap.ts';
import { fundsLagging } from './funds-lagging.ts';
import { persistentBottom } from './persistent-bottom.ts';
import { stalled } from './stalled.ts';


/** Every rule, in the order the meeting reads them. */
export const RULES: Readonly<Record<AlertRule, AlertRuleFunction>> = {
  'persistent-bottom': persistentBottom,
  'behind-time': behindTime,
  stalled,
  'falling-back': fallingBack,
  'funds-lagging': fundsLagging,
  'fund-gap': fundGap,
};


const SEVERITY_ORDER = { red: 0, yellow: 1 } as const;

/** All alerts of a level for the month evaluated: red first, then by rule, then by rank (worst first). */
export function evaluateAlerts(context: AlertContext): Alert[] {
  const rules = Object.keys(RULES) as AlertRule[];
  const rankOf = new Map((context.months[context.period.month - 1] ?? []).map((row) => [row.code, row.rank]));
  return rules
    .flatMap((rule) => RULES[rule](context))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        rules.indexOf(a.rule) - rules.indexOf(b.rule) ||
        (rankOf.get(b.regionCode) ?? 0) - (rankOf.get(a.regionCode) ?? 0),
    );
}

export interface AlertFilter {
  level?: 'city' | 'county';
  /** a city: the city's own alerts and its counties' */
  parent?: string;
  rule?: AlertRule;
  severity?: 'red' | 'yellow';
}

/** The alerts a filter asks for, in their order: what the alerts page shows and its Excel file lists. */
export function filterAlerts(alerts: readonly Alert[], { level, parent, rule, severity }: AlertFilter): Alert[] {
  return alerts.filter(
    (a) =>
      (!level || a.level === level) &&
      (!parent || a.regionCode === parent || a.parentCode === parent) &&
      (!rule || a.rule === rule) &&
      (!severity || a.severity === severity),
  );
}

/** The meeting's summary for a month: counts per level, rule and severity; the summons list; who moved. */
export function summarizeAlerts(period: string, levels: { city: AlertContext; county: AlertContext }): AlertSummary {
  const alerts = { city: evaluateAlerts(levels.city), county: evaluateAlerts(levels.county) };
  const counts = (['city', 'county'] as const).flatMap((level) =>
    (Object.keys(RULES) as AlertRule[]).map((rule) => {
      const matching = alerts[level].filter((a) => a.rule === rule);
      return { level, rule, red: matching.filter((a) => a.severity === 'red').length, yellow: matching.filter((a) => a.severity === 'yellow').length };
    }),
  );
  return {
    period,
    counts,
    summons: [...alerts.city, ...alerts.county].filter((a) => a.rule === 'persistent-bottom'),
    movers: { city: moversOf(levels.city), county: moversOf(levels.county) },
  };
}
