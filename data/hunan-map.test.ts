import { readFileSync } from 'node:fs';
import { expect, test } from 'vitest';

const read = (name: string) => JSON.parse(readFileSync(new URL(name, import.meta.url), 'utf8'));
const map = read('./hunan-map.json') as {
  counties: { features: { properties: { code: string; name: string; parentCode: string }; geometry: { type: string } }[] };
  cityBorders: { type: string; coordinates: number[][][] };
};
const counties = (read('./regions.json') as { code: string; name: string; level: string; parentCode: string }[]).filter(
  (r) => r.level === 'county',
);

test('the map has exactly the 122 county codes of the registry, each once, with their names and cities', () => {
  const shown = map.counties.features.map((f) => f.properties);
  expect(shown.map((p) => p.code).sort()).toEqual(counties.map((c) => c.code).sort());
  for (const county of counties) {
    expect(shown.find((p) => p.code === county.code)).toEqual({ code: county.code, name: county.name, parentCode: county.parentCode });
  }
});

test('every county is a polygon inside Hunan and the city borders are drawn', () => {
  for (const f of map.counties.features) expect(['Polygon', 'MultiPolygon']).toContain(f.geometry.type);
  const points = map.cityBorders.coordinates.flat();
  expect(map.cityBorders.coordinates.length).toBeGreaterThan(14);
  for (const [lon, lat] of points) {
    expect(lon).toBeGreaterThan(108.7);
    expect(lon).toBeLessThan(114.3);
    expect(lat).toBeGreaterThan(24.6);
    expect(lat).toBeLessThan(30.2);
  }
});
