import { NOT_IN_FONTS, parameterMessage, parsePeriod, REGION_LEVEL_NAMES, shownCharacter, type Region, type RegionLevel } from '@dispatch/core';
import { getPeriods, getRegion, type Db } from '@dispatch/db';
import { httpError } from '../errors.ts';
import { charactersNotInFonts } from '../renderers/bulletin-pdf/page.ts';

const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = { province: null, city: 'province', county: 'city' };

/** A 400 naming the parameter, as the validation hook words one. */
export const parameterError = (param: string, message: string) => httpError(400, parameterMessage(param, message));

/**
 * Text the bulletin prints (staff's parts, a region's note, a round's 文号): a character the bulletin's fonts lack
 * is a 400 naming it when it is written — printed, it would be a gap, and issuing refuses such a month until the
 * text's author changes it.
 */
export function refuseUnprintable(param: string, text: string | null | undefined): void {
  const missing = charactersNotInFonts(text ?? '');
  if (missing.length) throw parameterError(param, `「${missing.map(shownCharacter).join('、')}」${NOT_IN_FONTS}，请改用常用字`);
}

/** A region named by a request parameter must exist: an unknown code is a 400 naming the parameter. */
export async function knownRegion(db: Db, code: string, param: string): Promise<Region> {
  const region = await getRegion(db, code);
  if (!region) throw parameterError(param, `未知地区代码 ${code}`);
  return region;
}

/** A parent must exist and sit one level above the rows asked for; answers it, for callers that need its name. */
export async function checkParent(db: Db, level: RegionLevel, parent: string | undefined): Promise<Region | undefined> {
  if (parent === undefined) return undefined;
  const parentLevel = PARENT_LEVEL[level];
  if (parentLevel === null) throw parameterError('parent', `${REGION_LEVEL_NAMES[level]}级没有上级地区`);
  const region = await knownRegion(db, parent, 'parent');
  if (region.level !== parentLevel) {
    throw parameterError('parent', `${region.name}（${parent}）不是${REGION_LEVEL_NAMES[level]}的上级，应为${REGION_LEVEL_NAMES[parentLevel]}代码`);
  }
  return region;
}

/**
 * The alerts' filter: a parent is a city, and gives that city's own alerts and its counties'. Asked for cities
 * only, a parent would contradict the level (a city's alerts are not filtered by a city above it): a 400, not an
 * empty list that reads as "no alerts".
 */
export async function checkAlertParent(db: Db, level: 'city' | 'county' | undefined, parent: string | undefined): Promise<Region | undefined> {
  if (parent === undefined) return undefined;
  if (level === 'city') throw parameterError('parent', '只看市州时不能再指定上级市州；要看某市州的县市区，请把级别设为县市区');
  return checkParent(db, 'county', parent);
}

/** The period asked for, or the latest; a month without data is a 404 that lists what there is. */
export async function resolvePeriod(db: Db, requested: string | undefined) {
  const { periods, latest } = await getPeriods(db);
  const period = requested ?? latest;
  if (period === null) throw httpError(404, '暂无任何月份的数据', 'NO_DATA');
  if (!periods.includes(period)) {
    throw httpError(404, `${period} 无数据；有数据的月份为 ${periods[0]} 至 ${latest}`, 'NO_DATA');
  }
  return parsePeriod(period);
}
