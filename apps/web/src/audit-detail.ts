import { ROLES, type Role } from '@dispatch/core';

/** What an audit line's detail says, in words, for the audit screen. */
const FIELD_LABELS: Record<string, string> = {
  login: '账号', role: '岗位', demo: '演示', reason: '原因', displayName: '姓名/单位', regionCode: '所属地区', disabled: '停用',
};
const REASONS: Record<string, string> = { disabled: '账号已停用' };

function describeValue(key: string, value: unknown): string {
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (key === 'role' && typeof value === 'string' && value in ROLES) return ROLES[value as Role];
  if (key === 'reason' && typeof value === 'string') return REASONS[value] ?? value;
  return String(value);
}

/** `账号：zhuzhou；岗位：市州用户 → 县市区用户` */
export function describeAuditDetail(detail: Record<string, unknown> | null): string {
  if (!detail) return '';
  return Object.entries(detail)
    .flatMap(([key, value]) => {
      if (key === 'changes' && value && typeof value === 'object') {
        return Object.entries(value as Record<string, [unknown, unknown]>).map(
          ([field, [from, to]]) => `${FIELD_LABELS[field] ?? field}：${describeValue(field, from)} → ${describeValue(field, to)}`,
        );
      }
      return [`${FIELD_LABELS[key] ?? key}：${describeValue(key, value)}`];
    })
    .join('；');
}
