import type { Alert, AlertRule, AlertSummary } from '../contract/alerts.ts';
import { behindTime } from './behind-time.ts';
import { arrivalOf, type AlertContext, type AlertRuleFunction } from './context.ts';
import { fallingBack, moversOf } from './falling-back.ts';
import { fundGap } from './fund-gap.ts';
import { fundsLagging } from './funds-lagging.ts';
import { noData } from './no-data.ts';
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
  'no-data': noData,
};


const SEVERITY_ORDER = { red: 0, yellow: 1 } as const;
const LEVEL_ORDER = { city: 0, county: 1 } as const;

/**
 * A city whose counties have only partly arrived keeps its alerts — its figures are what has arrived, and the
 * meeting should hear them — but each says so, beside the city's own 数据未报送 alert:
 * 「……（9个县市区中2个未报送，按已报送数据）」, with the counts in its facts. (A city with none of its counties
 * arrived gets no alert but no-data: see `notArrived`.)
 */
export function withArrivalNote(context: AlertContext, alert: Alert): Alert {
  const count = arrivalOf(context, alert.regionCode);
  if (alert.rule === 'no-data' || !count || count.arrived === 0 || count.arrived >= count.of) return alert;
  return {
    ...alert,
    message: `${alert.message}（${count.of}个县市区中${count.of - count.arrived}个未报送，按已报送数据）`,
    facts: { ...alert.facts, countiesArrived: count.arrived, counties: count.of },
  };
}

/** All alerts of a level for the month evaluated: red first, then by rule, then by rank (worst first). */
export function evaluateAlerts(context: AlertContext): Alert[] {
  const rules = Object.keys(RULES) as AlertRule[];
  const rankOf = new Map((context.months[context.period.month - 1] ?? []).map((row) => [row.code, row.rank]));
  return rules
    .flatMap((rule) => RULES[rule](context).map((alert) => withArrivalNote(context, alert)))
    .sort(
      (a, b) =>
        SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
        rules.indexOf(a.rule) - rules.indexOf(b.rule) ||
        (rankOf.get(b.regionCode) ?? 0) - (rankOf.get(a.regionCode) ?? 0),
    );
}

export interface AlertContexts {
  city: AlertContext;
  county: AlertContext;
}

/**
 * The month's alerts of the cities and the counties in one list, in the order the alerts page, its Excel file and
 * the API give them: every red one before any yellow one; then the cities before the counties; then by rule and
 * rank as `evaluateAlerts` orders them.
 */
export function alertsOfMonth(levels: AlertContexts): Alert[] {
  return [...evaluateAlerts(levels.city), ...evaluateAlerts(levels.county)].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || LEVEL_ORDER[a.level as 'city' | 'county'] - LEVEL_ORDER[b.level as 'city' | 'county'],
  );
}

/**
 * Alerts grouped by rule as the alerts page and its Excel file list them: the rules in the order of their first
 * alert (so a rule with a red alert comes first), each group in the list's order (red first).
 */
export function groupByRule(alerts: readonly Alert[]): [AlertRule, Alert[]][] {
  const groups = new Map<AlertRule, Alert[]>();
  for (const alert of alerts) groups.set(alert.rule, [...(groups.get(alert.rule) ?? []), alert]);
  return [...groups];
}

/** Which regions a screen looks at: a level, a city (its own row and its counties'), or both. */
export interface AlertScope {
  level?: 'city' | 'county';
  /** a city: the city's own alerts and its counties' */
  parent?: string;
}

/** Whose moves the alerts page shows for a scope: its level's, or the cities' then the counties'. */
export const moverLevels = ({ level }: AlertScope): readonly ('city' | 'county')[] => (level ? [level] : ['city', 'county']);

export interface AlertFilter extends AlertScope {
  rule?: AlertRule;
  severity?: 'red' | 'yellow';
}

/** Whether a region is in a scope. */
export function inAlertScope({ level, parent }: AlertScope, region: { level: string; code: string; parentCode: string | null }): boolean {
  return (!level || region.level === level) && (!parent || region.code === parent || region.parentCode === parent);
}

/** The alerts a filter asks for, in their order: what the alerts page shows and its Excel file lists. */
export function filterAlerts(alerts: readonly Alert[], filter: AlertFilter): Alert[] {
  const { rule, severity } = filter;
  return alerts.filter(
    (a) => inAlertScope(filter, { level: a.level, code: a.regionCode, parentCode: a.parentCode }) && (!rule || a.rule === rule) && (!severity || a.severity === severity),
  );
}

/**
 * The meeting's summary for a month over a scope (the whole province by default): counts per level, rule and
 * severity; the summons list; who moved — each of them only the regions in the scope, ranks still the province's.
 */
export function summarizeAlerts(period: string, levels: AlertContexts, scope: AlertScope = {}): AlertSummary {
  const alerts = filterAlerts(alertsOfMonth(levels), scope);
  const counts = (['city', 'county'] as const).flatMap((level) =>
    (Object.keys(RULES) as AlertRule[]).map((rule) => {
      const matching = alerts.filter((a) => a.level === level && a.rule === rule);
      return { level, rule, red: matching.filter((a) => a.severity === 'red').length, yellow: matching.filter((a) => a.severity === 'yellow').length };
    }),
  );
  const moversIn = (context: AlertContext) => moversOf(context, (row) => inAlertScope(scope, row));
  return {
    period,
    counts,
    summons: alerts.filter((a) => a.rule === 'persistent-bottom'),
    movers: { city: moversIn(levels.city), county: moversIn(levels.county) },
  };
}
