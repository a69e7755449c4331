/** What each audit-log action means, for the admin screen. Later issues add imports, publications, supervision. */
export const AUDIT_ACTION_LABELS: Readonly<Record<string, string>> = {
  'auth.login': '登录',
  'auth.login-failed': '登录失败',
  'auth.logout': '退出登录',
  'user.create': '新建账号',
  'user.password': '修改或重设密码',
  'user.update': '修改账号',
  'settings.alerts': '修改预警规则',
  'note.create': '撰写情况说明',
  'note.edit': '修改情况说明',
  'funds.round': '登记资金调剂',
  'funds.revoke': '撤销资金调剂',
  'action.open': '开启督导事项',
  'action.answer': '答复督导事项',
  'action.accept': '督导事项办结',
  'action.return': '退回督导事项',
  'bulletin.edit': '修改通报草稿',
  'bulletin.issue': '印发通报',
  'bulletin.correct': '发布通报更正',
  'data.demo': '载入演示数据',
  'data.import': '导入数据',
  'data.revert': '撤销导入',
  'period.close': '关账',
  'period.reopen': '重新开账',
};

export function auditActionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action] ?? action;
}

