import type { Region } from '@dispatch/core';
import registry from './regions.json' with { type: 'json' };

/** The committed region registry: the province, 14 cities and 122 counties (GB/T 2260 as of 2020). */
export const REGION_REGISTRY: readonly Region[] = registry as Region[];
