import { addDays, beijingDate, formatPeriodLabel, type ActionKind, type AlertRule } from '@dispatch/core';

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
