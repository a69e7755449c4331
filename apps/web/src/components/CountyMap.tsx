import type { Alert, MetricRow } from '@dispatch/core';
import { useMemo } from 'react';
import { buildMapOptions, type MapMetricKey } from '../charts/map-options.ts';
import { cityBorders, PROVINCE_MAP, registerCityMap } from '../charts/register-map.ts';
import { EChart } from './EChart.tsx';

interface Props {
  rows: readonly MetricRow[];
  metric: MapMetricKey;
  /** only this city's counties, without the province's city borders */
  cityCode?: string;
  height: number;
  label: string;
  onRegionClick?: (code: string) => void;
  /** the month's alerts by county, said in the tooltip */
  alerts?: ReadonlyMap<string, Alert[]>;
}

/** The county choropleth; loaded lazily with the map data so that the first screen stays small. */
export default function CountyMap({ rows, metric, cityCode, height, label, onRegionClick, alerts }: Props) {
  const option = useMemo(
    () =>
      cityCode
        ? buildMapOptions(registerCityMap(cityCode), rows, metric, [], alerts)
        : buildMapOptions(PROVINCE_MAP, rows, metric, cityBorders, alerts),
    [rows, metric, cityCode, alerts],
  );
  return <EChart option={option} height={height} label={label} onItemClick={onRegionClick} />;
}
