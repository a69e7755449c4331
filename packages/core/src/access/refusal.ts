import { ROLES, type Permission, type Role } from './access.ts';

/** What is refused, as a verb and its object. */
const ACTION_WORDS: Record<Permission, [verb: string, object: string]> = {
  'read:headline': ['查看', '排名'],
  'read:detail': ['查看', '明细'],
  'write:data': ['导入', '数据'],
  'write:supervision': ['办理', '督导事项'],
  'direct:supervision': ['下达', '督导事项'],
  'manage:funds': ['调剂', '资金'],
  'publish:bulletin': ['发布', '通报'],
  'manage:users': ['管理', '账号'],
  'manage:settings': ['修改', '系统设置'],
  'read:audit': ['查看', '审计日志'],
  'reopen:period': ['重新开放', '已关账的月份'],
};

export interface Refusal {
  permission: Permission;
  role: Role;
  /** the name of the person's home region */
  homeName: string;
  /** the name of the region asked about, or null for what belongs to no region */
  regionName: string | null;
  /** whether the post may do this at all, within its home region */
  allowedAtHome: boolean;
  /** what the route does, when the permission's own words are too general: ['撰写', '情况说明'] */
  words?: readonly [verb: string, object: string];
}

/**
 * The sentence a refusal says, on the server's 403 and wherever the web app explains a hidden screen:
 * 「无权查看株洲市的明细：市州用户（长沙市）只能查看长沙市范围内的明细」.
 */
export function refusalMessage({ permission, role, homeName, regionName, allowedAtHome, words }: Refusal): string {
  const [verb, object] = words ?? ACTION_WORDS[permission];
  const what = regionName === null ? `${verb}${object}` : `${verb}${regionName}的${object}`;
  const why = allowedAtHome ? `只能${verb}${homeName}范围内的${object}` : '没有此权限';
  return `无权${what}：${ROLES[role]}（${homeName}）${why}`;
}
