import { useMemo } from 'react';
import { buildCompletionBarOptions } from '../charts/completion-bar-options.ts';
import { EChart } from '../components/EChart.tsx';
import { PeriodSelect } from '../components/PeriodSelect.tsx';
import { RankingTable } from '../components/RankingTable.tsx';
import { formatPercent, formatPeriodLabel } from '../format.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { useUrlParam } from '../hooks/use-url-param.ts';

export function CityRankingPage({ periods, latest }: { periods: string[]; latest: string }) {
  const [requested, setPeriod] = useUrlParam('period');
  const period = requested && periods.includes(requested) ? requested : latest;
  const metrics = useMetricsQuery({ period, level: 'city' });
  const rows = metrics.data?.rows;
  const timeProgress = rows?.[0]?.timeProgress ?? 0;
  const option = useMemo(() => (rows ? buildCompletionBarOptions(rows, timeProgress) : null), [rows, timeProgress]);
  const behind = rows?.filter((r) => r.lag !== null && r.lag < 0).length ?? 0;

  return (
    <main className="page">
      <div className="page-head">
        <h1>{formatPeriodLabel(period)} 市州完成情况排名</h1>
        <PeriodSelect periods={periods} value={period} onChange={setPeriod} />
      </div>
      {requested && !periods.includes(requested) && (
        <p className="notice" role="status">{requested} 无数据，已显示最新月份 {formatPeriodLabel(latest)}。</p>
      )}
      {metrics.isError && (
        <p className="error" role="alert">排名加载失败：{metrics.error.message}</p>
      )}
      {metrics.isPending && <p className="loading" role="status">正在加载排名…</p>}
      {rows && (
        <>
          <p className="summary">
            时序进度 <strong>{formatPercent(timeProgress)}</strong>；14 个市州中
            <strong className={behind > 0 ? 'down' : undefined}> {behind} </strong>个落后于时序进度。
            {metrics.isFetching && <span className="muted">（更新中…）</span>}
          </p>
          <section className="card" aria-label="完成比例柱状图">
            <EChart option={option!} height={320} label={`${formatPeriodLabel(period)}各市州完成比例与时序进度`} />
          </section>
          <section className="card">
            <RankingTable rows={rows} caption={`按完成比例排名；完成比例相同按资金执行率。数据截至 ${formatPeriodLabel(period)}末。`} />
          </section>
        </>
      )}
    </main>
  );
}
