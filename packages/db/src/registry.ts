import { REGION_REGISTRY } from '@dispatch/data';
import type { Region } from '@dispatch/core';

/** The committed region registry (@dispatch/data): the province, 14 cities and 122 counties. */
export function readRegionRegistry(): Region[] {
  return [...REGION_REGISTRY];
}
