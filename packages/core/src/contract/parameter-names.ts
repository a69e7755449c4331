import { ALERT_SETTING_NAMES } from '../alerts/setting-labels.ts';

/**
 * The Chinese name of each query and path parameter, and of each field of the alert thresholds (by its path,
 * `behindTime.redPoints`), for the API's messages: 「参数 period（月份）：只能出现一次」. Body fields of the account
 * routes are named inside their own messages (「请输入登录名」).
 */
export const PARAMETER_NAMES: Readonly<Record<string, string>> = {
  period: '月份',
  level: '级别',
  parent: '上级地区',
  rule: '规则',
  severity: '预警级别',
  sort: '排序列',
  order: '排序方向',
  year: '年份',
  code: '地区代码',
  basis: '口径',
  scope: '范围',
  q: '搜索词',
  page: '页码',
  pageSize: '每页条数',
  actor: '操作人',
  action: '操作',
  region: '地区',
  from: '起始日期',
  to: '截止日期',
  regionCode: '地区代码',
  city: '市州',
  text: '说明内容',
  version: '版本',
  id: '编号',
  total: '调剂总额',
  withinCity: '优先市内调剂',
  date: '调剂日期',
  documentNumber: '文号',
  note: '备注',
  lines: '调剂明细',
  reason: '原因',
  round: '轮次',
  kind: '类型',
  dueDate: '截止日期',
  requirement: '督导要求',
  alertRule: '预警规则',
  state: '状态',
  overdue: '逾期',
  situation: '情况说明',
  plan: '整改措施',
  rectifyBy: '整改完成时限',
  ...ALERT_SETTING_NAMES,
};

/** `参数 period（月份）：…`: the name a request uses, then its Chinese name where it has one, then what is wrong. */
export function parameterMessage(path: string, message: string): string {
  const name = PARAMETER_NAMES[path];
  return `参数 ${path}${name ? `（${name}）` : ''}：${message}`;
}
