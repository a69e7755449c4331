import { describe, expect, test } from 'vitest';
import { can, homeRegionProblem, isWithinRegion, type Permission, type Principal } from './access.ts';

const regions = new Map([
  ['430000', { code: '430000', level: 'province' as const, parentCode: null }],
  ['430100', { code: '430100', level: 'city' as const, parentCode: '430000' }],
  ['430102', { code: '430102', level: 'county' as const, parentCode: '430100' }],
  ['430200', { code: '430200', level: 'city' as const, parentCode: '430000' }],
  ['430202', { code: '430202', level: 'county' as const, parentCode: '430200' }],
]);

const admin: Principal = { role: 'province-admin', regionCode: '430000' };
const official: Principal = { role: 'province-official', regionCode: '430000' };
const changsha: Principal = { role: 'city-leader', regionCode: '430100' };
const furong: Principal = { role: 'county-staff', regionCode: '430102' };
const viewer: Principal = { role: 'viewer', regionCode: '430100' };

describe('isWithinRegion', () => {
  test.each([
    ['430102', '430100', true],
    ['430102', '430000', true],
    ['430100', '430100', true],
    ['430202', '430100', false],
    ['430100', '430102', false],
    ['999999', '430000', false],
  ])('%s within %s: %s', (code, scope, expected) => {
    expect(isWithinRegion(code, scope, regions)).toBe(expected);
  });
});

describe('can', () => {
  test.each<[string, Principal, Permission, string | null, boolean]>([
    ['anyone reads the rankings’ headline rows', furong, 'read:headline', '430202', true],
    ['a viewer reads the headline rows', viewer, 'read:headline', '430000', true],
    ['the admin reads any detail', admin, 'read:detail', '430202', true],
    ['an official reads any detail', official, 'read:detail', '430202', true],
    ['a city leader reads a county of the city', changsha, 'read:detail', '430102', true],
    ['a city leader reads the city itself', changsha, 'read:detail', '430100', true],
    ['a city leader does not read another city’s county', changsha, 'read:detail', '430202', false],
    ['a city leader does not read the province’s detail', changsha, 'read:detail', '430000', false],
    ['county staff read their county', furong, 'read:detail', '430102', true],
    ['county staff do not read their city', furong, 'read:detail', '430100', false],
    ['a viewer reads within the region', viewer, 'read:detail', '430102', true],
    ['a viewer writes nothing', viewer, 'write:data', '430102', false],
    ['a city leader writes the city’s data', changsha, 'write:data', '430102', true],
    ['a city leader does not write another city’s data', changsha, 'write:data', '430202', false],
    ['an official loads data anywhere (imports)', official, 'write:data', '430102', true],
    ['county staff load no data', furong, 'write:data', '430102', false],
    ['only the admin reopens a closed month', admin, 'reopen:period', null, true],
    ['an official does not reopen a closed month', official, 'reopen:period', null, false],
    ['an official manages supervision anywhere', official, 'write:supervision', '430202', true],
    ['a city leader answers for a county of the city', changsha, 'write:supervision', '430102', true],
    ['county staff answer nothing', furong, 'write:supervision', '430102', false],
    ['an official opens guidance or summons anywhere', official, 'direct:supervision', '430202', true],
    ['a city leader does not open guidance or summons, even at home', changsha, 'direct:supervision', '430102', false],
    ['an official records a reallocation round', official, 'manage:funds', null, true],
    ['a city leader does not move funds', changsha, 'manage:funds', null, false],
    ['an official publishes bulletins', official, 'publish:bulletin', null, true],
    ['a city leader does not publish bulletins', changsha, 'publish:bulletin', null, false],
    ['only the admin manages users', admin, 'manage:users', null, true],
    ['an official does not manage users', official, 'manage:users', null, false],
    ['a home grant needs a region', changsha, 'read:detail', null, false],
    ['county staff do not read the audit log', furong, 'read:audit', null, false],
  ])('%s', (_, principal, permission, region, expected) => {
    expect(can(principal, permission, region, regions)).toBe(expected);
  });
});

describe('homeRegionProblem', () => {
  test.each([
    ['province-admin', '430000', null],
    ['province-official', '430100', '省级用户的所属地区应为省级'],
    ['city-leader', '430100', null],
    ['city-leader', '430102', '市州用户的所属地区应为市州级'],
    ['county-staff', '430102', null],
    ['viewer', '430202', null],
    ['viewer', '999999', '所属地区代码不存在'],
  ] as const)('%s at %s: %s', (role, code, expected) => {
    expect(homeRegionProblem(role, regions.get(code))).toBe(expected);
  });
});
