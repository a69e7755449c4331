import { addDays, beijingDate, formatPeriodLabel, type ActionKind, type Alert, type AlertRule } from '@dispatch/core';

/** Days the region gets to answer, unless the official sets another due date. */
export const DEFAULT_ANSWER_DAYS = 10;

export interface ActionSubject {
  regionCode: string;
  regionName: string;
  period: string;
  /** the alert it is opened from: its rule and sentence */
  alert?: { rule: AlertRule; message: string };
}

export interface ActionDraft {
  kind: ActionKind;
  dueDate: string;
  requirement: string;
}

/**
 * What the open-action dialog starts with: a summons for a region persistently at the bottom (通报约谈), guidance
 * otherwise; due ten Beijing days from today; the requirement drafted from the alert's sentence.
 */
export function draftAction(subject: ActionSubject, now: Date): ActionDraft {
  const kind: ActionKind = subject.alert?.rule === 'persistent-bottom' ? 'summons' : 'guidance';
  const dueDate = addDays(beijingDate(now), DEFAULT_ANSWER_DAYS);
  const what = subject.alert ? `${subject.regionName}${subject.alert.message}` : `${subject.regionName}${formatPeriodLabel(subject.period)}工作进展`;
  const ask = kind === 'summons' ? '请主要负责同志说明原因' : '请对照目标任务和时序进度查找差距';
  // The due date is its own field (and may be changed): the sentence does not repeat it.
  const requirement = `${what}。${ask}，提出整改措施和完成时限。`;
  return { kind, dueDate, requirement };
}

/** What an open-action dialog starts from when it cites an alert: the alert's region, month, rule and sentence. */
export function subjectOfAlert(alert: Alert): ActionSubject {
  return { regionCode: alert.regionCode, regionName: alert.regionName, period: alert.period, alert: { rule: alert.rule, message: alert.message } };
}

/**
 * The alert a ranking row's button cites, so that it opens what /alerts opens for the region: persistently at the
 * bottom first (a summons), else its first red alert, else its first yellow, in the alerts' own order; none for a
 * region without alerts that month.
 */
export function citedAlert(alerts: readonly Alert[] | undefined): Alert | undefined {
  if (!alerts) return undefined;
  return alerts.find((a) => a.rule === 'persistent-bottom') ?? alerts.find((a) => a.severity === 'red') ?? alerts.find((a) => a.severity === 'yellow');
}

/**
 * A ranking row's subject: its most relevant alert of the month when it has one, else the region and month alone
 * (another month's alerts, still on screen while the month's load, are not cited).
 */
export function subjectOfRow(row: { code: string; name: string }, period: string, alerts: readonly Alert[] | undefined): ActionSubject {
  const alert = citedAlert(alerts?.filter((a) => a.period === period));
  return alert ? subjectOfAlert(alert) : { regionCode: row.code, regionName: row.name, period };
}
