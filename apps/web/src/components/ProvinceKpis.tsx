import {
  formatCount, formatDelta, formatMoney, formatPercent, formatPoints, formatWan, formatYuan, lagLevel, lagPhrase, moneyParts, type SeriesPoint,
} from '@dispatch/core';
import { KpiCard } from './KpiCard.tsx';

/** The province's headline figures for a month, against target and the time line, with the change since last month. */
export function ProvinceKpis({ current, previous }: { current: SeriesPoint; previous: SeriesPoint | undefined }) {
  const funds = moneyParts(current.fundsAudited);
  const ratioChange =
    previous && current.completionRatio !== null && previous.completionRatio !== null
      ? `（完成比例 ${formatPoints(current.completionRatio - previous.completionRatio)} 个百分点）`
      : '';
  return (
    <section className="kpis" aria-label="全省主要指标">
      <KpiCard
        label="培训人次"
        value={formatWan(current.trainees)}
        unit="万人次"
        detail={<>目标 {formatWan(current.target)} 万人次 · 完成 <b>{formatPercent(current.completionRatio)}</b></>}
        change={previous ? `${formatDelta(current.month.trainees)} 人次${ratioChange}` : undefined}
      />
      <KpiCard
        label="完成比例 / 时序进度"
        value={formatPercent(current.completionRatio)}
        detail={<>时序进度 {formatPercent(current.timeProgress)} · <b>{lagPhrase(current.lag)}</b></>}
        tone={lagLevel(current.lag) === 'ahead' ? 'good' : 'bad'}
      />
      <KpiCard label="开班数" value={formatCount(current.classesOpened)} unit="个" change={previous ? formatDelta(current.month.classesOpened) : undefined} />
      <KpiCard label="结课数" value={formatCount(current.classesFinished)} unit="个" change={previous ? formatDelta(current.month.classesFinished) : undefined} />
      <KpiCard
        label="资金审核数"
        value={funds.value}
        unit={funds.unit}
        detail={<>预算 {formatMoney(current.fundsBudget, ' ')} · 执行率 <b>{formatPercent(current.fundsRatio)}</b></>}
        change={previous ? formatDelta(current.month.fundsAudited, (n) => formatMoney(n, ' ')) : undefined}
      />
      <KpiCard label="人均补贴" value={formatYuan(current.avgSubsidy)} unit="元" detail={<>补贴 {formatCount(current.subsidised)} 人</>} />
    </section>
  );
}
