import { expect, test } from 'vitest';
import { describeAuditDetail } from './audit-detail.ts';

test.each([
  [null, ''],
  [{ login: 'zhuzhou', role: 'city-leader', demo: false }, '账号：zhuzhou；岗位：市州用户；演示：否'],
  [{ login: 'zhuzhou', changes: { role: ['city-leader', 'county-staff'], disabled: [false, true] } }, '账号：zhuzhou；岗位：市州用户 → 县市区用户；停用：否 → 是'],
  [{ reason: 'disabled' }, '原因：账号已停用'],
  [{ unknown: 3 }, 'unknown：3'],
])('%j reads %s', (detail, words) => {
  expect(describeAuditDetail(detail)).toBe(words);
});
