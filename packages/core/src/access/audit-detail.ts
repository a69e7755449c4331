import { ALERT_SETTING_FIELDS, alertSettingValue } from '../alerts/setting-labels.ts';
import { formatDelta, formatExact, formatMoney } from '../display/numbers.ts';
import { formatBeijingDateTime, formatChineseDate } from '../display/time.ts';
import { IMPORT_KIND_LABELS, type ImportKind } from '../imports/kinds.ts';
import { ROLES, type Role } from './access.ts';
import { RULE_LABELS } from '../alerts/rule-labels.ts';
import { formatPeriodLabel, isPeriod } from '../metrics/period.ts';
import { BULLETIN_EDITABLE_LABELS } from '../bulletin/bulletin-defaults.ts';
import { ACTION_KIND_LABELS } from '../workflows/supervision-action.ts';

/** What an audit line's detail says, in words, for the audit screen: every value in Chinese, never raw JSON. */
const FIELD_LABELS: Record<string, string> = {
  login: '账号', role: '岗位', demo: '演示', reason: '原因', displayName: '姓名/单位', regionCode: '所属地区', disabled: '停用',
  // notes on the numbers
  noteId: '说明编号', period: '月份', text: '内容', version: '版本', before: '修改前', after: '修改后',
  // supervision actions
  actionId: '事项编号', kind: '类型', dueDate: '截止日期', requirement: '督导要求', alertRule: '预警规则', situation: '情况说明', plan: '整改措施',
  rectifyBy: '整改完成时限',
  // data batches (the demo, imports, reverts)
  batchId: '批次', label: '名称', inserted: '新增', updated: '更新', unchanged: '不变', deleted: '删除', restored: '恢复', revertBatchId: '撤销批次',
  importKind: '导入类别', fileName: '文件', sha256: 'SHA-256', closedAt: '关账时间', closedBy: '关账人',
};
const REASONS: Record<string, string> = { disabled: '账号已停用' };

/** Any value in words: a list item by item, an object field by field — whatever a later action records. */
function describeValue(key: string, value: unknown): string {
  if (value === null || value === undefined) return '（空）';
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (typeof value === 'number') return formatExact(value);
  if (key === 'role' && typeof value === 'string' && value in ROLES) return ROLES[value as Role];
  if (key === 'reason' && typeof value === 'string') return REASONS[value] ?? value;
  if (key === 'kind' && typeof value === 'string' && value in ACTION_KIND_LABELS) return ACTION_KIND_LABELS[value as keyof typeof ACTION_KIND_LABELS];
  if (key === 'period' && typeof value === 'string' && isPeriod(value)) return formatPeriodLabel(value);
  if ((key === 'dueDate' || key === 'rectifyBy') && typeof value === 'string') return formatChineseDate(value);
  if (key === 'importKind' && typeof value === 'string' && value in IMPORT_KIND_LABELS) return IMPORT_KIND_LABELS[value as ImportKind];
  if (key === 'closedAt' && typeof value === 'string') return formatBeijingDateTime(value);
  if (key === 'alertRule' && typeof value === 'string' && value in RULE_LABELS) return RULE_LABELS[value as keyof typeof RULE_LABELS];
  if (Array.isArray(value)) return value.length ? value.map((item) => describeValue(key, item)).join('、') : '（无）';
  if (typeof value === 'object') {
    const fields = Object.entries(value as Record<string, unknown>);
    return fields.length ? `（${fields.map(([field, inner]) => `${FIELD_LABELS[field] ?? field}：${describeValue(field, inner)}`).join('，')}）` : '（无）';
  }
  return String(value);
}

/** `严重落后：较时序进度不高于 −10 → −12 百分点` for each threshold that moved; 未改动 when none did. */
export function describeSettingsChange(before: unknown, after: unknown): string {
  const changed = ALERT_SETTING_FIELDS.flatMap((field) => {
    const [from, to] = [alertSettingValue(before, field), alertSettingValue(after, field)];
    return from === to ? [] : [`${field.label} ${describeValue(field.key, from)} → ${describeValue(field.key, to)} ${field.unit}`];
  });
  return changed.length ? changed.join('；') : '未改动';
}

/** `账号：zhuzhou；岗位：市州用户 → 县市区用户` */
export function describeAuditDetail(detail: Record<string, unknown> | null, action?: string): string {
  if (!detail) return '';
  if (action === 'settings.alerts') return describeSettingsChange(detail.before, detail.after);
  if (action === 'funds.round') return describeRound(detail);
  if (action === 'bulletin.edit') return describeBulletinEdit(detail);
  if (action === 'bulletin.issue' || action === 'bulletin.correct') return describeBulletinIssue(detail);
  if (action === 'funds.revoke') return `第 ${String(detail.round)} 轮（${String(detail.documentNumber)}）；原因：${String(detail.reason)}`;
  return Object.entries(detail)
    .flatMap(([key, value]) => {
      if (key === 'changes' && value && typeof value === 'object' && !Array.isArray(value)) {
        return Object.entries(value as Record<string, unknown>).map(([field, change]) => {
          const label = FIELD_LABELS[field] ?? field;
          return Array.isArray(change) && change.length === 2
            ? `${label}：${describeValue(field, change[0])} → ${describeValue(field, change[1])}`
            : `${label}：${describeValue(field, change)}`;
        });
      }
      return [`${FIELD_LABELS[key] ?? key}：${describeValue(key, value)}`];
    })
    .join('；');
}

/** `第 3 轮，湘人社函〔2020〕88号，2020年7月28日：宁乡市 +50万元、天心区 −50万元` */
function describeRound(detail: Record<string, unknown>): string {
  const lines = Array.isArray(detail.lines) ? (detail.lines as { regionName?: string; regionCode?: string; amount?: number }[]) : [];
  const parts = lines.map((line) => `${line.regionName ?? line.regionCode ?? ''} ${formatDelta(Number(line.amount ?? 0), formatMoney)}`);
  const date = typeof detail.date === 'string' ? formatChineseDate(detail.date) : '';
  return `第 ${String(detail.round)} 轮，${String(detail.documentNumber)}，${date}：${parts.join('、')}`;
}

/** `2020年1—5月通报草稿（版本 2）；存在问题：（空） → 一是……` for each staff-written part that changed. */
function describeBulletinEdit(detail: Record<string, unknown>): string {
  const part = (value: unknown, key: string) => {
    const text = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return typeof text === 'string' ? text : '（空）';
  };
  const changed = Object.entries(BULLETIN_EDITABLE_LABELS).flatMap(([key, label]) => {
    const [from, to] = [part(detail.before, key), part(detail.after, key)];
    return from === to ? [] : [`${label}：${from} → ${to}`];
  });
  const period = typeof detail.period === 'string' && isPeriod(detail.period) ? formatPeriodLabel(detail.period) : String(detail.period);
  return [`${period}通报草稿（版本 ${String(detail.version)}）`, ...changed].join('；');
}

/** 「2020年1—5月通报第5期（更正，第2版）；文号：湘人社函〔2026〕5号；PDF SHA-256：…」: the hashes in full, to compare a file with. */
function describeBulletinIssue(detail: Record<string, unknown>): string {
  const period = typeof detail.period === 'string' && isPeriod(detail.period) ? formatPeriodLabel(detail.period) : String(detail.period);
  const version = Number(detail.version);
  const hashes = (detail.sha256 && typeof detail.sha256 === 'object' ? detail.sha256 : {}) as Record<string, unknown>;
  return [
    `${period}通报第${String(detail.issueNumber)}期${version > 1 ? `（更正，第${version}版）` : ''}`,
    `文号：${String(detail.documentNumber)}`,
    ...(['pdf', 'docx', 'xlsx'] as const).map((format) => `${format.toUpperCase()} SHA-256：${String(hashes[format])}`),
  ].join('；');
}
