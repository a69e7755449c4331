import type { Region } from '@dispatch/core';
import { useMemo } from 'react';
import { useAccess } from '../auth/signed-in.ts';
import { buildRankHistoryOptions } from '../charts/trend-options.ts';
import { usePeriod } from '../hooks/use-period.ts';
import { useSeriesQuery } from '../hooks/use-series-query.ts';
import { EChart } from './EChart.tsx';
import { Status } from './Status.tsx';

/** The city's place month by month: its detail, so only for those who may read it. */
export function RankHistory({ city }: { city: Region }) {
  const { period, parsed } = usePeriod();
  const mayRead = useAccess().can('read:detail', city.code);
  const series = useSeriesQuery(city.code, parsed.year, mayRead);
  const history = useMemo(
    () => (series.data ? buildRankHistoryOptions(series.data.points.filter((p) => p.period <= period), 14) : null),
    [series.data, period],
  );
  return (
    <section className="card">
      <h2>全省排名变化</h2>
      {mayRead ? (
        <Status query={series}>{history && <EChart option={history} height={260} label="本市逐月全省排名" />}</Status>
      ) : (
        <p className="notice" role="status">逐月排名属明细，仅{city.name}及省级账号可查看；本月名次与各县市区指标见上方。</p>
      )}
    </section>
  );
}
