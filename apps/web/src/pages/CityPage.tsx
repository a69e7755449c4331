import { regionGaps, shortRegionName, type MetricRow } from '@dispatch/core';
import { useMemo } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { buildRankHistoryOptions } from '../charts/trend-options.ts';
import { EChart } from '../components/EChart.tsx';
import { KpiCard } from '../components/KpiCard.tsx';
import { LazyCountyMap } from '../components/LazyCountyMap.tsx';
import { Status } from '../components/Status.tsx';
import { formatCell, formatCount, formatDelta, formatPercent, formatPeriodLabel, formatPoints, formatWan, lagLevel } from '../format.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useRegionLink } from '../hooks/use-region-link.ts';
import { useSeriesQuery } from '../hooks/use-series-query.ts';
import { useAccess } from '../auth/signed-in.ts';

/** A city leader's view: the city among the 14, each county's gaps, what changed, the rank history. */
export function CityPage() {
  const { code } = useParams<{ code: string }>();
  const { period, parsed } = usePeriod();
  const [, navigate] = useLocation();
  const cities = useMetricsQuery({ period, level: 'city' });
  const province = useMetricsQuery({ period, level: 'province' });
  const counties = useMetricsQuery({ period, level: 'county', parent: code });
  const access = useAccess();
  const regionLink = useRegionLink(period);
  // A city's month-by-month history is its detail: only for those who may read it.
  const mayReadDetail = access.can('read:detail', code);
  const series = useSeriesQuery(code, parsed.year, mayReadDetail);
  const city = cities.data?.rows.find((r) => r.code === code);
  const reference = province.data?.rows[0];
  const history = useMemo(
    () => (series.data ? buildRankHistoryOptions(series.data.points.filter((p) => p.period <= period), 14) : null),
    [series.data, period],
  );
  if (cities.data && !city) return <main className="page"><p className="error" role="alert">没有代码为 {code} 的市州。</p></main>;

  return (
    <main className="page">
      <p className="crumbs"><Link href={withPeriod('/', period)}>总览</Link> › 市州</p>
      <h1>{city ? city.name : '…'} {formatPeriodLabel(period)}</h1>
      <Status query={cities}>
        {city && reference && (
          <section className="kpis" aria-label="本市主要指标">
            <KpiCard
              label="全省排名"
              value={`第 ${city.rank} 名`}
              detail={<>共 14 个市州</>}
              change={city.rankChange === null ? undefined : city.rankChange === 0 ? '持平' : city.rankChange > 0 ? `上升 ${city.rankChange} 位` : `下降 ${-city.rankChange} 位`}
              tone={city.rank > 11 ? 'bad' : undefined}
            />
            <KpiCard
              label="完成比例"
              value={formatPercent(city.completionRatio)}
              detail={<>时序进度 {formatPercent(city.timeProgress)} · 全省 {formatPercent(reference.completionRatio)}</>}
              tone={lagLevel(city.lag) === 'ahead' ? 'good' : 'bad'}
            />
            <KpiCard
              label="培训人次"
              value={formatWan(city.trainees)}
              unit="万人次"
              detail={<>目标 {formatWan(city.target)} 万；距时序还差 <b>{formatCount(regionGaps(city, reference, parsed).toTimeLine)}</b> 人</>}
              change={`${formatDelta(city.month.trainees)} 人次`}
            />
            <KpiCard
              label="资金审核数"
              value={formatWan(city.fundsAudited)}
              unit="万元"
              detail={<>执行率 {formatPercent(city.fundsRatio)}</>}
              change={`${formatDelta(city.month.fundsAudited, formatWan)} 万元`}
            />
          </section>
        )}
      </Status>
      <div className="two-columns">
        <section className="card">
          <h2>各县市区完成情况与差距</h2>
          <Status query={counties}>
            {counties.data && reference && (
              <CountyGapTable rows={counties.data.rows} reference={reference} linkOf={regionLink} parsed={parsed} />
            )}
          </Status>
        </section>
        <section className="card">
          <h2>完成比例分布</h2>
          {counties.data && (
            <LazyCountyMap
              rows={counties.data.rows}
              metric="completionRatio"
              cityCode={code}
              height={360}
              label={`${city?.name ?? ''}各县市区完成比例地图`}
              onRegionClick={(county) => {
                const href = regionLink({ code: county, level: 'county' });
                if (href) navigate(href);
              }}
            />
          )}
        </section>
      </div>
      <section className="card">
        <h2>全省排名变化</h2>
        {mayReadDetail ? (
          <Status query={series}>{history && <EChart option={history} height={220} label="本市逐月全省排名" />}</Status>
        ) : (
          <p className="notice" role="status">逐月排名属明细，仅{city?.name ?? '该市州'}及省级账号可查看；本月名次与各县市区指标见上方。</p>
        )}
      </section>
    </main>
  );
}

function CountyGapTable({ rows, reference, linkOf, parsed }: {
  rows: readonly MetricRow[];
  reference: MetricRow;
  linkOf: (row: MetricRow) => string | undefined;
  parsed: { year: number; month: number };
}) {
  return (
    <div className="table-wrap">
      <table className="ranking gaps">
        <caption>距时序、距目标为还需培训的人数；较全省为完成比例之差（百分点）。名次为市内排名，名次变化较上月。</caption>
        <thead>
          <tr>
            <th scope="col" className="num">名次</th>
            <th scope="col">县市区</th>
            <th scope="col" className="num">完成比例</th>
            <th scope="col" className="num">距时序<small>（人）</small></th>
            <th scope="col" className="num">距目标<small>（人）</small></th>
            <th scope="col" className="num">较全省</th>
            <th scope="col" className="num">本月培训<small>（人次）</small></th>
            <th scope="col">名次变化</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const gaps = regionGaps(row, reference, parsed);
            return (
              <tr key={row.code} className={`lag-${lagLevel(row.lag)}`} data-code={row.code}>
                <td className="num">{row.rank}</td>
                <th scope="row" title={row.name}>
                  {linkOf(row) ? <Link href={linkOf(row)!}>{shortRegionName(row.name, row.level)}</Link> : shortRegionName(row.name, row.level)}
                </th>
                <td className="num">{formatPercent(row.completionRatio)}</td>
                <td className="num">{gaps.toTimeLine > 0 ? formatCount(gaps.toTimeLine) : '已达'}</td>
                <td className="num">{gaps.toTarget > 0 ? formatCount(gaps.toTarget) : '已完成'}</td>
                <td className="num">{formatPoints(gaps.toReference)}</td>
                <td className="num">{formatCount(row.month.trainees)}</td>
                <td className={row.rankChange ? (row.rankChange > 0 ? 'up' : 'down') : 'muted'}>{formatCell('change', row.rankChange)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
