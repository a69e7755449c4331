import { describe, expect, test } from 'vitest';
import { regionLevelOfCode, regionPath, shortRegionName } from './regions.ts';

test.each([
  ['湖南省', 'province', '湖南'],
  ['长沙市', 'city', '长沙'],
  ['湘西土家族苗族自治州', 'city', '湘西州'],
  ['城步苗族自治县', 'county', '城步县'],
  ['靖州苗族侗族自治县', 'county', '靖州县'],
  ['长沙县', 'county', '长沙县'],
  ['宁乡市', 'county', '宁乡市'],
] as const)('%s (%s) is shown as %s', (name, level, expected) => {
  expect(shortRegionName(name, level)).toBe(expected);
});

describe('regionLevelOfCode and regionPath', () => {
  test.each([
    ['430000', 'province', '/'],
    ['430100', 'city', '/city/430100'],
    ['433100', 'city', '/city/433100'],
    ['430182', 'county', '/region/430182'],
    ['431121', 'county', '/region/431121'],
  ] as const)('%s is a %s, shown at %s', (code, level, path) => {
    expect(regionLevelOfCode(code)).toBe(level);
    expect(regionPath(code)).toBe(path);
  });
});
