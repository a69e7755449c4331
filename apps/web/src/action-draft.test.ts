import { describe, expect, test } from 'vitest';
import type { Alert } from '@dispatch/core';
import { citedAlert, draftAction, subjectOfRow } from './action-draft.ts';

const now = new Date('2026-11-26T18:00:00Z'); // 2026-11-27 02:00 in Beijing

describe('the open-action dialog’s draft', () => {
  test('persistently at the bottom: a summons, due ten Beijing days later, the alert’s sentence in the requirement', () => {
    const draft = draftAction({ regionCode: '431121', regionName: '祁阳县', period: '2020-05', alert: { rule: 'persistent-bottom', message: '连续3个月排名全省后10位' } }, now);
    expect(draft).toEqual({
      kind: 'summons',
      dueDate: '2026-12-07',
      requirement: '祁阳县连续3个月排名全省后10位。请主要负责同志说明原因，提出整改措施和完成时限。',
    });
  });

  test('any other alert, or none (from a ranking row): guidance', () => {
    expect(draftAction({ regionCode: '430300', regionName: '湘潭市', period: '2020-06', alert: { rule: 'behind-time', message: '落后时序进度 11.5 个百分点' } }, now).kind).toBe('guidance');
    const plain = draftAction({ regionCode: '430300', regionName: '湘潭市', period: '2020-06' }, now);
    expect(plain.kind).toBe('guidance');
    expect(plain.requirement).toBe('湘潭市2020年1—6月工作进展。请对照目标任务和时序进度查找差距，提出整改措施和完成时限。');
  });
});

const alert = (rule: Alert['rule'], severity: Alert['severity'], message: string = rule): Alert => ({
  regionCode: '431000', regionName: '郴州市', level: 'city', parentCode: '430000', period: '2020-05', rule, severity, message, facts: {},
});

describe('the alert a ranking row’s button cites', () => {
  test.each([
    ['none: no alert', [], undefined],
    ['persistently at the bottom before a red alert listed earlier', [alert('behind-time', 'red'), alert('persistent-bottom', 'yellow')], 'persistent-bottom'],
    ['else the first red, in the alerts’ order', [alert('stalled', 'red'), alert('behind-time', 'red'), alert('funds-lagging', 'yellow')], 'stalled'],
    ['a red after a yellow still wins', [alert('fund-gap', 'yellow'), alert('falling-back', 'red')], 'falling-back'],
    ['else the first yellow', [alert('funds-lagging', 'yellow'), alert('fund-gap', 'yellow')], 'funds-lagging'],
  ] as [string, Alert[], Alert['rule'] | undefined][])('%s', (_, alerts, rule) => {
    expect(citedAlert(alerts)?.rule).toBe(rule);
  });

  test('the row’s subject is the alert’s, so the dialog drafts a summons citing it as /alerts does', () => {
    const subject = subjectOfRow({ code: '431000', name: '郴州市' }, '2020-05', [alert('behind-time', 'red', '落后时序进度 12.0 个百分点'), alert('persistent-bottom', 'red', '连续3个月排名全省市州后3位')]);
    expect(subject).toEqual({ regionCode: '431000', regionName: '郴州市', period: '2020-05', alert: { rule: 'persistent-bottom', message: '连续3个月排名全省市州后3位' } });
    expect(draftAction(subject, now).kind).toBe('summons');
  });

  test('a row without alerts opens on the region and month alone', () => {
    expect(subjectOfRow({ code: '430300', name: '湘潭市' }, '2020-06', undefined)).toEqual({ regionCode: '430300', regionName: '湘潭市', period: '2020-06' });
  });
});
