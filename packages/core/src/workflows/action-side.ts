import { can, type Principal } from '../access/access.ts';
import type { Region } from '../contract/region.ts';
import type { ActionSide } from './supervision-action.ts';

type RegionLookup = ReadonlyMap<string, Pick<Region, 'code' | 'level' | 'parentCode'>>;

/**
 * Which side of an action on `regionCode` a person is on: the province directs (opens, accepts, returns); the
 * region's side is whoever may write supervision there without directing it (the city leader for the city and
 * its counties) — province posts also hold `write:supervision`, but they do not answer for a region.
 */
export function actionSide(principal: Principal, regionCode: string, regions: RegionLookup): ActionSide {
  if (can(principal, 'direct:supervision', regionCode, regions)) return 'province';
  if (can(principal, 'write:supervision', regionCode, regions)) return 'region';
  return 'none';
}

/**
 * Where a person may read actions: null for everywhere (province posts), else their home region and what lies
 * under it — the same scope as a region's detail (`read:detail`).
 */
export function detailScope(principal: Principal): string | null {
  return can(principal, 'read:detail', null, new Map()) ? null : principal.regionCode;
}
