/**
 * The map's code and data, loaded only when a map is shown: ECharts' map, geo, lines and visual-map parts and
 * data/hunan-map.json (the 122 counties and the city borders).
 */
import { LinesChart, MapChart } from 'echarts/charts';
import { GeoComponent, VisualMapComponent } from 'echarts/components';
import { echarts } from './echarts.ts';
import hunanMap from '@dispatch/data/hunan-map.json';

echarts.use([MapChart, LinesChart, GeoComponent, VisualMapComponent]);

type CountyCollection = typeof hunanMap.counties;

export const PROVINCE_MAP = 'hunan-counties';
echarts.registerMap(PROVINCE_MAP, hunanMap.counties as never);

export const cityBorders = hunanMap.cityBorders.coordinates as number[][][];

/** A map of one city's counties, registered once under its own name. */
export function registerCityMap(cityCode: string): string {
  const name = `hunan-${cityCode}`;
  if (!echarts.getMap(name)) {
    const counties: CountyCollection = {
      ...hunanMap.counties,
      features: hunanMap.counties.features.filter((f) => f.properties.parentCode === cityCode),
    };
    echarts.registerMap(name, counties as never);
  }
  return name;
}
