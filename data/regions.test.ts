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

  test.each([
    ['430100', '长沙市', 'city', '430000', '长沙'],
    ['430182', '宁乡市', 'county', '430100', '宁乡市'],
    ['431121', '祁阳县', 'county', '431100', '祁阳县'],
    ['430212', '渌口区', 'county', '430200', '渌口区'],
    ['430582', '邵东市', 'county', '430500', '邵东市'],
    ['433100', '湘西土家族苗族自治州', 'city', '430000', '湘西州'],
    ['433101', '吉首市', 'county', '433100', '吉首市'],
    ['431226', '麻阳苗族自治县', 'county', '431200', '麻阳县'],
  ])('%s is %s (%s, parent %s, shown as %s)', (code, name, level, parentCode, shortName) => {
    expect(byCode.get(code)).toEqual({ code, name, level, parentCode, shortName });
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
