import type { Region } from '../contract/region.ts';
import { REGION_LEVEL_NAMES } from '../regions.ts';

/** The five posts. Ids are the interface other issues and the command line use. */
export const ROLES = {
  'province-admin': '省级管理员',
  'province-official': '省级用户',
  'city-leader': '市州用户',
  'county-staff': '县市区用户',
  viewer: '只读',
} as const;

export type Role = keyof typeof ROLES;
export const ROLE_IDS = Object.keys(ROLES) as [Role, ...Role[]];

/** What a request wants to do. */
export type Permission =
  /** the rankings' headline rows: public inside the system, as the bulletin is */
  | 'read:headline'
  /** a region's detail: its counties, classes, series, detail exports */
  | 'read:detail'
  /** a region's monthly data */
  | 'write:data'
  /** notes on a region's numbers, and a region's answers to guidance and summons */
  | 'write:supervision'
  /** opening guidance and summons (一对一指导, 约谈) on a region, accepting or returning its answers */
  | 'direct:supervision'
  /** recording and revoking fund reallocation rounds (资金调剂) */
  | 'manage:funds'
  | 'publish:bulletin'
  | 'manage:users'
  /** thresholds of the alert rules */
  | 'manage:settings'
  | 'read:audit'
  /** reopening a closed month (重新开账) */
  | 'reopen:period';

export interface Principal {
  role: Role;
  /** home region: 430000 for province posts, a city for city leaders, a county for county staff */
  regionCode: string;
}

type RegionLookup = Pick<Region, 'code' | 'level' | 'parentCode'>;

/** Whether `code` is `scope` itself or lies under it (a county of a city; anything under the province). */
export function isWithinRegion(code: string, scope: string, regions: ReadonlyMap<string, RegionLookup>): boolean {
  for (let current: string | null | undefined = code; current; current = regions.get(current)?.parentCode) {
    if (current === scope) return true;
  }
  return false;
}

/** Where each role may do each thing: everywhere, within its home region, or nowhere. */
const GRANTS: Record<Role, Partial<Record<Permission, 'anywhere' | 'home'>>> = {
  'province-admin': {
    'read:headline': 'anywhere', 'read:detail': 'anywhere', 'write:data': 'anywhere', 'write:supervision': 'anywhere',
    'direct:supervision': 'anywhere', 'manage:funds': 'anywhere', 'publish:bulletin': 'anywhere', 'manage:users': 'anywhere', 'manage:settings': 'anywhere', 'read:audit': 'anywhere',
    'reopen:period': 'anywhere',
  },
  // Province posts load the month's data (导入) for the whole province, a city leader for the city and its counties.
  'province-official': {
    'read:headline': 'anywhere', 'read:detail': 'anywhere', 'write:data': 'anywhere', 'write:supervision': 'anywhere', 'direct:supervision': 'anywhere',
    'manage:funds': 'anywhere', 'publish:bulletin': 'anywhere',
  },
  'city-leader': { 'read:headline': 'anywhere', 'read:detail': 'home', 'write:data': 'home', 'write:supervision': 'home' },
  'county-staff': { 'read:headline': 'anywhere', 'read:detail': 'home' },
  viewer: { 'read:headline': 'anywhere', 'read:detail': 'home' },
};

/**
 * The one rule the server checks on every route: may this principal do this, for this region (null for what
 * belongs to no region, such as user management)?
 */
export function can(
  principal: Principal,
  permission: Permission,
  regionCode: string | null,
  regions: ReadonlyMap<string, RegionLookup>,
): boolean {
  const grant = GRANTS[principal.role][permission];
  if (grant === 'anywhere') return true;
  if (grant !== 'home' || regionCode === null) return false;
  return isWithinRegion(regionCode, principal.regionCode, regions);
}

const HOME_LEVEL: Record<Role, Region['level'] | null> = {
  'province-admin': 'province',
  'province-official': 'province',
  'city-leader': 'city',
  'county-staff': 'county',
  viewer: null,
};

/** A post's home region must fit it: province posts at 430000, a city leader in a city, county staff in a county. */
export function homeRegionProblem(role: Role, region: RegionLookup | undefined): string | null {
  if (!region) return '所属地区代码不存在';
  const level = HOME_LEVEL[role];
  if (level && region.level !== level) {
    return `${ROLES[role]}的所属地区应为${REGION_LEVEL_NAMES[level]}级`;
  }
  return null;
}
