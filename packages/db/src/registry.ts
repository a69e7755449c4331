import { readFileSync } from 'node:fs';
import type { Region } from '@dispatch/core';

const registryFile = new URL('../../../data/regions.json', import.meta.url);

/** The committed region registry (data/regions.json): the province, 14 cities and 122 counties. */
export function readRegionRegistry(): Region[] {
  return JSON.parse(readFileSync(registryFile, 'utf8')) as Region[];
}
