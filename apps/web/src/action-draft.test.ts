import { describe, expect, test } from 'vitest';
import { draftAction } from './action-draft.ts';

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
