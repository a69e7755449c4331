import { expect, test } from 'vitest';
import { regionLevelOfCode, regionPath, shortRegionName } from './regions.ts';

test.each([
  ['430000', '湖南省', 'province', '湖南', '/'],
  ['430100', '长沙市', 'city', '长沙', '/city/430100'],
  ['433100', '湘西土家族苗族自治州', 'city', '湘西州', '/city/433100'],
  ['430529', '城步苗族自治县', 'county', '城步县', '/region/430529'],
  ['431229', '靖州苗族侗族自治县', 'county', '靖州县', '/region/431229'],
  ['430121', '长沙县', 'county', '长沙县', '/region/430121'], // not 长沙: that is the city
  ['430182', '宁乡市', 'county', '宁乡市', '/region/430182'],
  ['431121', '祁阳县', 'county', '祁阳县', '/region/431121'],
] as const)('%s %s is a %s, shown as %s, at %s', (code, name, level, short, path) => {
  expect(regionLevelOfCode(code)).toBe(level);
  expect(shortRegionName(name, level)).toBe(short);
  expect(regionPath(code)).toBe(path);
});
