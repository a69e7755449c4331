import {
  formatDelta, formatMoney, formatPercent, formatWan, lagLevel, lagPhrase, moneyParts, rankChangePhrase, regionGaps, timeLineGapPhrase, type MetricRow, type Period,
} from '@dispatch/core';
import { KpiCard } from './KpiCard.tsx';

/** A city's place among the 14, its completion against the time line and the province, its people and funds. */
export function CityKpis({ city, province, period }: { city: MetricRow; province: MetricRow; period: Period }) {
  const funds = moneyParts(city.fundsAudited);
  return (
    <section className="kpis" aria-label="本市主要指标">
      <KpiCard
        label="全省排名"
        value={`第 ${city.rank} 名`}
        detail={<>共 14 个市州</>}
        change={city.rankChange === null ? undefined : rankChangePhrase(city.rankChange)}
        tone={city.rank > 11 ? 'bad' : undefined}
      />
      <KpiCard
        label="完成比例"
        value={formatPercent(city.completionRatio)}
        detail={<>{lagPhrase(city.lag)} · 全省 {formatPercent(province.completionRatio)}</>}
        tone={lagLevel(city.lag) === 'ahead' ? 'good' : 'bad'}
      />
      <KpiCard
        label="培训人次"
        value={formatWan(city.trainees)}
        unit="万人次"
        detail={<>目标 {formatWan(city.target)} 万人次；<b>{timeLineGapPhrase(regionGaps(city, province, period).toTimeLine)}</b></>}
        change={`${formatDelta(city.month.trainees)} 人次`}
      />
      <KpiCard
        label="资金审核数"
        value={funds.value}
        unit={funds.unit}
        detail={<>预算 {formatMoney(city.fundsBudget, ' ')} · 执行率 {formatPercent(city.fundsRatio)}</>}
        change={formatDelta(city.month.fundsAudited, (n) => formatMoney(n, ' '))}
      />
    </section>
  );
}
