import { expect, test } from 'vitest';
import type { Role } from '../access/access.ts';
import { actionSide, detailScope } from './action-side.ts';

const regions = new Map([
  ['430000', { code: '430000', level: 'province' as const, parentCode: null }],
  ['430100', { code: '430100', level: 'city' as const, parentCode: '430000' }],
  ['430182', { code: '430182', level: 'county' as const, parentCode: '430100' }],
  ['430200', { code: '430200', level: 'city' as const, parentCode: '430000' }],
]);

test.each([
  ['province-admin', '430000', '430182', 'province'],
  ['province-official', '430000', '430100', 'province'],
  ['city-leader', '430100', '430100', 'region'],
  ['city-leader', '430100', '430182', 'region'],
  ['city-leader', '430100', '430200', 'none'],
  ['county-staff', '430182', '430182', 'none'],
  ['viewer', '430100', '430100', 'none'],
] as [Role, string, string, string][])('%s of %s on an action of %s is on the %s side', (role, home, region, side) => {
  expect(actionSide({ role, regionCode: home }, region, regions)).toBe(side);
});

test.each([
  ['province-admin', '430000', null],
  ['province-official', '430000', null],
  ['city-leader', '430100', '430100'],
  ['county-staff', '430182', '430182'],
  ['viewer', '430200', '430200'],
] as [Role, string, string | null][])('%s of %s reads actions within %s', (role, home, scope) => {
  expect(detailScope({ role, regionCode: home })).toBe(scope);
});
