import { expect, test } from 'vitest';
import { shortRegionName } from './regions.ts';

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
