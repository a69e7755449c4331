/**
 * The few GeoJSON (RFC 7946) shapes build-map.ts reads and writes, so that the script type-checks without the
 * `@types/geojson` package.
 */
export type Position = number[];
export interface Polygon {
  type: 'Polygon';
  coordinates: Position[][];
}
export interface MultiPolygon {
  type: 'MultiPolygon';
  coordinates: Position[][][];
}
export interface LineString {
  type: 'LineString';
  coordinates: Position[];
}
export interface MultiLineString {
  type: 'MultiLineString';
  coordinates: Position[][];
}
export interface Feature<G, P = Record<string, unknown>> {
  type: 'Feature';
  geometry: G;
  properties: P;
}
export interface FeatureCollection<G = Polygon | MultiPolygon, P = Record<string, unknown>> {
  type: 'FeatureCollection';
  features: Feature<G, P>[];
}
