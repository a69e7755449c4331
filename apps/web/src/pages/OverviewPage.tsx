import { useMemo } from 'react';
import { buildCompletionBarOptions } from '../charts/completion-bar-options.ts';
import { buildTrendOptions } from '../charts/trend-options.ts';
import { EChart } from '../components/EChart.tsx';
import { KpiCard } from '../components/KpiCard.tsx';
import { RankingTable } from '../components/RankingTable.tsx';
import { Status } from '../components/Status.tsx';
import { formatCount, formatDelta, formatPercent, formatPeriodLabel, formatPoints, formatWan, formatYuan, lagLevel } from '../format.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useSeriesQuery } from '../hooks/use-series-query.ts';
import { useSort } from '../hooks/use-sort.ts';

const PROVINCE = '430000';

/** The province at a glance: headline figures against target and the time line, the year's trend, the cities. */
export function OverviewPage() {
  const { period, parsed } = usePeriod();
  const series = useSeriesQuery(PROVINCE, parsed.year);
  const cities = useMetricsQuery({ period, level: 'city' });
  const { sort, sorted, setSort } = useSort(cities.data?.rows);
  const points = series.data?.points;
  const index = points?.findIndex((p) => p.period === period) ?? -1;
  const current = index >= 0 ? points![index] : undefined;
  const previous = index > 0 ? points![index - 1] : undefined;
  const trend = useMemo(() => (points ? buildTrendOptions(points.slice(0, index + 1)) : null), [points, index]);
  const bars = useMemo(
    () => (cities.data ? buildCompletionBarOptions(cities.data.rows, cities.data.rows[0]?.timeProgress ?? 0) : null),
    [cities.data],
  );
  const behind = cities.data?.rows.filter((r) => r.lag !== null && r.lag < 0).length ?? 0;
  const ratioChange = current && previous && current.completionRatio !== null && previous.completionRatio !== null
    ? `${formatPoints(current.completionRatio - previous.completionRatio)} 个百分点`
    : undefined;

  return (
    <main className="page">
      <h1>{formatPeriodLabel(period)} 全省职业技能提升行动进展</h1>
      <Status query={series}>
        {current && (
          <section className="kpis" aria-label="全省主要指标">
            <KpiCard
              label="培训人次"
              value={formatWan(current.trainees)}
              unit="万人次"
              detail={<>目标 {formatWan(current.target)} 万 · 完成 <b>{formatPercent(current.completionRatio)}</b></>}
              change={ratioChange ? `${formatDelta(current.month.trainees)} 人次（完成比例 ${ratioChange}）` : undefined}
            />
            <KpiCard
              label="完成比例 / 时序进度"
              value={formatPercent(current.completionRatio)}
              detail={<>时序进度 {formatPercent(current.timeProgress)} · 差 <b>{formatPoints(current.lag)}</b> 个百分点</>}
              tone={lagLevel(current.lag) === 'ahead' ? 'good' : 'bad'}
            />
            <KpiCard label="开班数" value={formatCount(current.classesOpened)} unit="个" change={previous ? formatDelta(current.month.classesOpened) : undefined} />
            <KpiCard label="结课数" value={formatCount(current.classesFinished)} unit="个" change={previous ? formatDelta(current.month.classesFinished) : undefined} />
            <KpiCard
              label="资金审核数"
              value={formatWan(current.fundsAudited)}
              unit="万元"
              detail={<>预算 {formatWan(current.fundsBudget)} 万 · 执行率 <b>{formatPercent(current.fundsRatio)}</b></>}
              change={previous ? `${formatDelta(current.month.fundsAudited, formatWan)} 万元` : undefined}
            />
            <KpiCard label="人均补贴" value={formatYuan(current.avgSubsidy)} unit="元" detail={<>补贴 {formatCount(current.subsidised)} 人</>} />
          </section>
        )}
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
          {sorted && (
            <RankingTable
              rows={sorted}
              sort={sort}
              onSort={setSort}
              linkOf={(row) => withPeriod(`/city/${row.code}`, period)}
              caption={`按完成比例排名；完成比例相同按资金执行率。数据截至 ${formatPeriodLabel(period)}末。点击表头排序，点击市州查看详情。`}
            />
          )}
        </Status>
      </section>
    </main>
  );
}
