import type { RegionLevel } from './contract/region.ts';

/** 行政级别的中文名 */
export const REGION_LEVEL_NAMES: Readonly<Record<RegionLevel, string>> = { province: '省', city: '市州', county: '县市区' };

/**
 * Short display names as officials write them: cities drop 市 (长沙市 → 长沙), autonomous prefectures become
 * 湘西州; autonomous counties drop the peoples' names (城步苗族自治县 → 城步县). Other counties keep their full
 * name, since 长沙县 shortened would collide with the city 长沙.
 */
export function shortRegionName(name: string, level: RegionLevel): string {
  if (level === 'province') return name.replace(/省$/, '');
  if (level === 'city') {
    const prefecture = /^(.{2}).*自治州$/.exec(name);
    return prefecture ? `${prefecture[1]}州` : name.replace(/市$/, '');
  }
  const autonomous = /^(.{2}).*自治县$/.exec(name);
  return autonomous ? `${autonomous[1]}县` : name;
}

/** The level a GB/T 2260 code denotes: 430000 the province, 430100 a city, 430182 a county. */
export function regionLevelOfCode(code: string): RegionLevel {
  if (code.endsWith('0000')) return 'province';
  return code.endsWith('00') ? 'city' : 'county';
}

/** The web app's page for a region: the overview for the province, the city view, a county's detail page. */
export function regionPath(code: string): string {
  const level = regionLevelOfCode(code);
  return level === 'province' ? '/' : level === 'city' ? `/city/${code}` : `/region/${code}`;
}
