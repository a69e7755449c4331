import type { Alert, MetricRow } from '@dispatch/core';
import type { ArrivalMark } from '../arrival-marks.ts';
import { useMemo, useRef } from 'react';
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
  /** the month's 未报送 marks: a county whose month has not arrived is left grey, its tooltip saying so */
  arrivals?: ReadonlyMap<string, ArrivalMark>;
}

/** A screen that cannot hover (a phone, a tablet): the tooltip comes only from a tap. */
const touchScreen = () => window.matchMedia('(hover: none)').matches;

/**
 * The county choropleth; loaded lazily with the map data so that the first screen stays small. A click opens a
 * county. A finger's first tap on a county shows its tooltip — its figures and alerts, which a phone has no other
 * way to reach — and a second tap on it opens it.
 */
export default function CountyMap({ rows, metric, cityCode, height, label, onRegionClick, alerts, arrivals }: Props) {
  const touch = touchScreen();
  const option = useMemo(
    () =>
      cityCode
        ? buildMapOptions(registerCityMap(cityCode), rows, metric, { alerts, touch, arrivals })
        : buildMapOptions(PROVINCE_MAP, rows, metric, { borders: cityBorders, alerts, touch, arrivals }),
    [rows, metric, cityCode, alerts, touch, arrivals],
  );
  /** the county a finger last tapped, its tooltip showing */
  const tapped = useRef<string | null>(null);
  const onItemClick = (code: string, input: { touch: boolean }) => {
    if (input.touch && tapped.current !== code) {
      tapped.current = code;
      return;
    }
    tapped.current = null;
    onRegionClick?.(code);
  };
  return (
    <>
      <EChart option={option} height={height} label={label} className="map-chart" onItemClick={onItemClick} />
      {onRegionClick && <p className="touch-only map-hint">轻点县市区查看其数据与预警，再点一次进入。</p>}
    </>
  );
}
