import { formatPeriodLabel, isBehind, rankingNote } from '@dispatch/core';
import { useMemo } from 'react';
import { buildCompletionBarOptions, missingNote, reportedRows } from '../charts/completion-bar-options.ts';
import { buildTrendOptions } from '../charts/trend-options.ts';
import { EChart } from '../components/EChart.tsx';
import { MissingDataBanner } from '../components/MissingDataBanner.tsx';
import { MonthAlerts } from '../components/MonthAlerts.tsx';
import { ProvinceKpis } from '../components/ProvinceKpis.tsx';
import { RankingTable } from '../components/RankingTable.tsx';
import { Status } from '../components/Status.tsx';
import { useAlertsByRegion } from '../hooks/use-alerts-by-region.ts';
import { useArrivalMarks } from '../hooks/use-arrival-marks.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useSeriesQuery } from '../hooks/use-series-query.ts';
import { useSort } from '../hooks/use-sort.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

const PROVINCE = '430000';

/** The province at a glance: headline figures against target and the time line, the year's trend, the cities. */
export function OverviewPage() {
  const { period, parsed } = usePeriod();
  usePageTitle(`${formatPeriodLabel(period)}全省进展`);
  const series = useSeriesQuery(PROVINCE, parsed.year);
  const cities = useMetricsQuery({ period, level: 'city' });
  const { sort, sorted, setSort } = useSort(cities.data?.rows);
  const points = series.data?.points;
  const index = points?.findIndex((p) => p.period === period) ?? -1;
  const trend = useMemo(() => (points ? buildTrendOptions(points.slice(0, index + 1)) : null), [points, index]);
  const alerts = useAlertsByRegion(period, 'city');
  const arrivals = useArrivalMarks(period);
  const bars = useMemo(() => (cities.data ? buildCompletionBarOptions(cities.data.rows, parsed.month / 12, arrivals) : null), [cities.data, parsed.month, arrivals]);
  const notDrawn = cities.data ? missingNote(reportedRows(cities.data.rows, arrivals).missing) : null;
  // a city none of whose counties has reported is not behind: its month is unknown
  const behind = cities.data?.rows.filter((r) => isBehind(r.lag) && arrivals.get(r.code)?.state !== 'missing').length ?? 0;

  return (
    <main className="page">
      <h1>{formatPeriodLabel(period)} 全省职业技能提升行动进展</h1>
      <MissingDataBanner period={period} />
      <MonthAlerts period={period} />
      <Status query={series}>
        {index >= 0 && <ProvinceKpis current={points![index]!} previous={index > 0 ? points![index - 1] : undefined} />}
        {trend && (
          <section className="card">
            <h2>月度进展：累计完成比例与时序进度</h2>
            <EChart option={trend} height={280} label="全省逐月累计完成比例与时序进度" />
          </section>
        )}
      </Status>
      <section className="card">
        <h2>
          市州排名 <small className="muted">14 个市州中 <b className={behind ? 'down' : undefined}>{behind}</b> 个落后于时序进度</small>
        </h2>
        <Status query={cities}>
          {bars && <EChart option={bars} height={280} label={`${formatPeriodLabel(period)}各市州完成比例与时序进度`} />}
          {notDrawn && <p className="chart-note muted">{notDrawn}</p>}
          {sorted && (
            <RankingTable
              level="city"
              alerts={alerts}
              arrivals={arrivals}
              rows={sorted}
              sort={sort}
              onSort={setSort}
              linkOf={(row) => withPeriod(`/city/${row.code}`, period)}
              caption={`${rankingNote(parsed, { level: 'city' })}点击表头排序，点击市州查看详情。`}
            />
          )}
        </Status>
      </section>
    </main>
  );
}
