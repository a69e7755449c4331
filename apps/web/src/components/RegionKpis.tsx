import { formatCount, formatPercent, formatWan, formatYuan, lagLevel, lagPhrase, type SeriesPoint } from '@dispatch/core';
import { KpiCard } from './KpiCard.tsx';

const PEERS = { province: '全省', city: '共 14 个市州', county: '共 122 个县市区' } as const;

/** A city's or county's figures for a month, in the same units as the city view (万人次, 万元). */
export function RegionKpis({ point }: { point: SeriesPoint }) {
  return (
    <section className="kpis" aria-label="主要指标">
      <KpiCard label="名次" value={`第 ${point.rank} 名`} detail={PEERS[point.level]} />
      <KpiCard
        label="完成比例"
        value={formatPercent(point.completionRatio)}
        detail={<>时序 {formatPercent(point.timeProgress)} · {lagPhrase(point.lag)}</>}
        tone={lagLevel(point.lag) === 'ahead' ? 'good' : 'bad'}
      />
      <KpiCard label="培训人次" value={formatWan(point.trainees)} unit="万人次" detail={`目标 ${formatWan(point.target)} 万人次`} />
      <KpiCard label="开班 / 结课" value={`${formatCount(point.classesOpened)} / ${formatCount(point.classesFinished)}`} unit="个" />
      <KpiCard label="资金审核数" value={formatWan(point.fundsAudited)} unit="万元" detail={`执行率 ${formatPercent(point.fundsRatio)}`} />
      <KpiCard label="人均补贴" value={formatYuan(point.avgSubsidy)} unit="元" />
    </section>
  );
}
