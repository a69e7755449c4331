import { regionLevelOfCode, shortRegionName } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import { REGION_REGISTRY as regions } from './index.ts';
const byCode = new Map(regions.map((r) => [r.code, r]));

describe('the region registry', () => {
  test('has the province, exactly 14 cities and 122 counties, each code once', () => {
    expect(regions.filter((r) => r.level === 'province').map((r) => r.code)).toEqual(['430000']);
    expect(regions.filter((r) => r.level === 'city')).toHaveLength(14);
    expect(regions.filter((r) => r.level === 'county')).toHaveLength(122);
    expect(byCode.size).toBe(regions.length);
  });

  // Official names as of 2020 and their parents; levels and short names follow core's rules (tested below for all).
  test.each([
    ['430100', '长沙市', '430000'],
    ['430182', '宁乡市', '430100'],
    ['431121', '祁阳县', '431100'],
    ['430212', '渌口区', '430200'],
    ['430582', '邵东市', '430500'],
    ['433100', '湘西土家族苗族自治州', '430000'],
    ['433101', '吉首市', '433100'],
    ['431226', '麻阳苗族自治县', '431200'],
  ])('%s is %s, under %s', (code, name, parentCode) => {
    expect(byCode.get(code)).toMatchObject({ code, name, parentCode });
  });

  test.each(['431181', '430124', '430221', '430521', '430101'])('%s (renamed after 2020 or a 市辖区 row) is absent', (code) => {
    expect(byCode.has(code)).toBe(false);
  });

  test('every county belongs to a city whose code shares its first four digits', () => {
    for (const county of regions.filter((r) => r.level === 'county')) {
      expect(byCode.get(county.parentCode!)?.level).toBe('city');
      expect(county.parentCode!.slice(0, 4)).toBe(county.code.slice(0, 4));
    }
  });

  test('no development or management zone (7x codes) is listed', () => {
    expect(regions.filter((r) => r.level === 'county' && r.code[4] === '7')).toEqual([]);
  });

  test('each code’s level and short name follow core’s rules, for all 137 regions', () => {
    expect(regions).toHaveLength(137);
    for (const region of regions) {
      expect(regionLevelOfCode(region.code)).toBe(region.level);
      expect(shortRegionName(region.name, region.level)).toBe(region.shortName);
    }
  });
});
