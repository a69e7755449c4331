import {
  formatDelta, formatMoney, formatPercent, formatWan, lagLevel, lagPhrase, moneyParts, rankChangePhrase, regionGaps, timeLineGapPhrase, type MetricRow, type Period,
} from '@dispatch/core';
import { arrivalTitle, type ArrivalMark } from '../arrival-marks.ts';
import { KpiCard } from './KpiCard.tsx';

/**
 * A city's place among the 14, its completion against the time line and the province, its people and funds. A
 * city none of whose counties has reported the month shows 未报送 for its rank and ratio (a missing month is not
 * zero progress); one partly reported says so under them.
 */
export function CityKpis({ city, province, period, arrival }: { city: MetricRow; province: MetricRow; period: Period; arrival?: ArrivalMark }) {
  const funds = moneyParts(city.fundsAudited);
  const missing = arrival?.state === 'missing';
  const partial = arrival?.state === 'partial' ? `（${arrivalTitle(arrival).split('：')[0]}）` : '';
  return (
    <section className="kpis" aria-label="本市主要指标">
      {missing ? (
        <KpiCard label="全省排名" value="未报送" detail={<>本月数据未报送，不计名次</>} />
      ) : (
        <KpiCard
          label="全省排名"
          value={`第 ${city.rank} 名`}
          detail={<>共 14 个市州{partial}</>}
          change={city.rankChange === null ? undefined : rankChangePhrase(city.rankChange)}
          tone={city.rank > 11 ? 'bad' : undefined}
        />
      )}
      {missing ? (
        <KpiCard label="完成比例" value="未报送" detail={<>全省 {formatPercent(province.completionRatio)}</>} />
      ) : (
        <KpiCard
          label="完成比例"
          value={formatPercent(city.completionRatio)}
          detail={<>{lagPhrase(city.lag)} · 全省 {formatPercent(province.completionRatio)}</>}
          tone={lagLevel(city.lag) === 'ahead' ? 'good' : 'bad'}
        />
      )}
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
