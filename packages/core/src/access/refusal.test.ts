import { expect, test } from 'vitest';
import { refusalMessage } from './refusal.ts';

test('a refusal says what, whose, and why', () => {
  expect(refusalMessage({ permission: 'read:detail', role: 'city-leader', homeName: '长沙市', regionName: '株洲市', allowedAtHome: true })).toBe(
    '无权查看株洲市的明细：市州用户（长沙市）只能查看长沙市范围内的明细',
  );
  expect(refusalMessage({ permission: 'manage:users', role: 'viewer', homeName: '株洲市', regionName: null, allowedAtHome: false })).toBe(
    '无权管理账号：只读（株洲市）没有此权限',
  );
});
