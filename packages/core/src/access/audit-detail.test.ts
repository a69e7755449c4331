import { describe, expect, test } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from '../alerts/default-settings.ts';
import { AUDIT_ACTION_LABELS } from './audit-actions.ts';
import { describeAuditDetail, describeSettingsChange } from './audit-detail.ts';

const twelveBehind = { ...DEFAULT_ALERT_SETTINGS, behindTime: { ...DEFAULT_ALERT_SETTINGS.behindTime, redPoints: -12 } };

/**
 * Each action the database and the API write (packages/db/src/queries/*: appendAudit; apps/api/src/routes/auth.ts),
 * with every shape of detail it records, and what the audit screen says for it.
 */
const WRITTEN: Record<string, [Record<string, unknown> | null, string][]> = {
  'auth.login': [[null, '']],
  'auth.login-failed': [[null, ''], [{ reason: 'disabled' }, '原因：账号已停用']],
  'auth.logout': [[null, '']],
  'user.create': [[{ login: 'zhuzhou', role: 'city-leader', demo: false }, '账号：zhuzhou；岗位：市州用户；演示：否']],
  'user.password': [[{ login: 'zhuzhou' }, '账号：zhuzhou']],
  'user.update': [
    [{ login: 'zhuzhou', changes: { role: ['city-leader', 'county-staff'], disabled: [false, true] } }, '账号：zhuzhou；岗位：市州用户 → 县市区用户；停用：否 → 是'],
    [{ login: 'zhuzhou', changes: { displayName: ['株洲', '株洲市人社局'], regionCode: ['430200', '430202'] } }, '账号：zhuzhou；姓名/单位：株洲 → 株洲市人社局；所属地区：430200 → 430202'],
  ],
  'settings.alerts': [
    [{ before: DEFAULT_ALERT_SETTINGS, after: twelveBehind }, '严重落后：较时序进度不高于 −10 → −12 百分点'],
    [{ before: DEFAULT_ALERT_SETTINGS, after: DEFAULT_ALERT_SETTINGS }, '未改动'],
  ],
  'note.create': [[{ noteId: 7, period: '2020-05', text: '受疫情影响，5月起集中开班' }, '说明编号：7；月份：2020年1—5月；内容：受疫情影响，5月起集中开班']],
  'note.edit': [
    [{ noteId: 7, period: '2020-05', version: 2, before: '受疫情影响', after: '受疫情影响，5月起集中开班' }, '说明编号：7；月份：2020年1—5月；版本：2；修改前：受疫情影响；修改后：受疫情影响，5月起集中开班'],
  ],
  'funds.round': [
    [
      { round: 3, date: '2020-07-28', documentNumber: '湘人社函〔2020〕88号', lines: [{ regionCode: '430182', regionName: '宁乡市', amount: 500_000 }, { regionCode: '430103', regionName: '天心区', amount: -500_000 }] },
      '第 3 轮，湘人社函〔2020〕88号，2020年7月28日：宁乡市 +50万元、天心区 −50万元',
    ],
  ],
  'funds.revoke': [[{ round: 3, documentNumber: '湘人社函〔2020〕88号', reason: '文号有误' }, '第 3 轮（湘人社函〔2020〕88号）；原因：文号有误']],
  'action.open': [
    [
      { actionId: 7, kind: 'summons', period: '2020-05', dueDate: '2020-06-10', requirement: '说明进度滞后原因', alertRule: 'persistent-bottom' },
      '事项编号：7；类型：约谈；月份：2020年1—5月；截止日期：2020年6月10日；督导要求：说明进度滞后原因；预警规则：持续排名靠后',
    ],
    [{ actionId: 8, kind: 'guidance', period: '2020-01', dueDate: '2020-02-01', requirement: '加快开班' }, '事项编号：8；类型：一对一指导；月份：2020年1月；截止日期：2020年2月1日；督导要求：加快开班'],
  ],
  'action.answer': [
    [{ actionId: 7, situation: '受疫情影响', plan: '6月集中开班', rectifyBy: '2020-06-30' }, '事项编号：7；情况说明：受疫情影响；整改措施：6月集中开班；整改完成时限：2020年6月30日'],
    [{ actionId: 7, situation: '受疫情影响', plan: '6月集中开班' }, '事项编号：7；情况说明：受疫情影响；整改措施：6月集中开班'],
  ],
  'action.accept': [[{ actionId: 7 }, '事项编号：7']],
  'bulletin.edit': [
    [{ period: '2020-05', version: 1, before: {}, after: { problems: '一是进度不平衡。' } }, '2020年1—5月通报草稿（版本 1）；存在问题：（空） → 一是进度不平衡。'],
    [
      { period: '2020-05', version: 2, before: { problems: '甲' }, after: { problems: '甲', requirements: '乙' } },
      '2020年1—5月通报草稿（版本 2）；下一步工作要求：（空） → 乙',
    ],
  ],
  'bulletin.issue': [
    [
      { period: '2020-05', issueNumber: 5, version: 1, documentNumber: '湘人社函〔2026〕5号', sha256: { pdf: 'a1', docx: 'b2', xlsx: 'c3' } },
      '2020年1—5月通报第5期；文号：湘人社函〔2026〕5号；PDF SHA-256：a1；DOCX SHA-256：b2；XLSX SHA-256：c3',
    ],
  ],
  'bulletin.correct': [
    [
      { period: '2020-05', issueNumber: 5, version: 2, correctionOf: 1, documentNumber: '湘人社函〔2026〕5号', sha256: { pdf: 'a1', docx: 'b2', xlsx: 'c3' } },
      '2020年1—5月通报第5期（更正，第2版）；文号：湘人社函〔2026〕5号；PDF SHA-256：a1；DOCX SHA-256：b2；XLSX SHA-256：c3',
    ],
  ],
  'action.return': [[{ actionId: 7, reason: '整改措施未列时限' }, '事项编号：7；原因：整改措施未列时限']],
  'data.demo': [[{ batchId: 1, label: '演示数据', inserted: 25888 }, '批次：1；名称：演示数据；新增：25888']],
  'data.import': [
    [
      { batchId: 3, importKind: 'classes', fileName: '5月培训班.xlsx', sha256: 'ab12', inserted: 2, updated: 1, unchanged: 0 },
      '批次：3；导入类别：培训班；文件：5月培训班.xlsx；SHA-256：ab12；新增：2；更新：1；不变：0',
    ],
  ],
  'data.revert': [[{ batchId: 3, revertBatchId: 4, restored: 1, deleted: 2 }, '批次：3；撤销批次：4；恢复：1；删除：2']],
  'period.close': [[{ period: '2020-05' }, '月份：2020年1—5月']],
  'period.reopen': [[{ period: '2020-05', closedAt: '2020-06-05T01:00:00.000Z', closedBy: 'admin' }, '月份：2020年1—5月；关账时间：2020年6月5日 09:00；关账人：admin']],
};

describe('every action written to the audit log reads in words', () => {
  // Over the screen's list of actions: one without a case here is a failing case, not a silent gap.
  const cases = Object.keys(AUDIT_ACTION_LABELS).flatMap((action) =>
    (WRITTEN[action] ?? [[{ missing: true }, '（这个操作还没有用例）']]).map(([detail, words]) => [action, detail, words] as const),
  );
  test.each(cases)('%s %j reads %s', (action, detail, words) => {
    expect(describeAuditDetail(detail, action)).toBe(words);
  });
});

describe('a change of thresholds', () => {
  test('names each threshold that moved with its label, both values and its unit; nothing for the others', () => {
    const after = {
      ...twelveBehind,
      persistentBottom: { ...DEFAULT_ALERT_SETTINGS.persistentBottom, months: 4 },
      fundsLagging: { ...DEFAULT_ALERT_SETTINGS.fundsLagging, belowTimeLinePoints: 22.5 },
      behindTime: { redPoints: -12, redShareOfProvince: 0.8 },
    };
    expect(describeSettingsChange(DEFAULT_ALERT_SETTINGS, after)).toBe(
      '严重落后：较时序进度不高于 −10 → −12 百分点；严重落后：且完成比例低于全省的 0.75 → 0.8 倍；持续靠后：连续 3 → 4 个月；资金执行滞后：或低于时序进度超过 20 → 22.5 百分点',
    );
  });
});

describe('values of any shape, for actions still to come', () => {
  test.each([
    [{ regions: ['430100', '430200'] }, 'regions：430100、430200'],
    [{ scope: { level: 'city', months: [1, 2] } }, 'scope：（level：city，months：1、2）'],
    [{ empty: {}, none: [], nothing: null }, 'empty：（无）；none：（无）；nothing：（空）'],
    [{ changes: { role: 'viewer' } }, '岗位：只读'],
    [{ unknown: 3 }, 'unknown：3'],
  ])('%j reads %s', (detail, words) => {
    expect(describeAuditDetail(detail, 'later.action')).toBe(words);
    expect(words).not.toContain('[object');
  });
});
