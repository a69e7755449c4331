import { useMemo } from 'react';
import { ROLES } from '@dispatch/core';
import { Link, useParams } from 'wouter';
import { buildTrendOptions } from '../charts/trend-options.ts';
import { ClassList } from '../components/ClassList.tsx';
import { EChart } from '../components/EChart.tsx';
import { KpiCard } from '../components/KpiCard.tsx';
import { Status } from '../components/Status.tsx';
import { formatCount, formatPercent, formatPeriodLabel, formatPoints, formatWan, formatYuan, lagLevel } from '../format.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { useSeriesQuery } from '../hooks/use-series-query.ts';
import { useAccess } from '../auth/signed-in.ts';
import type { Region } from '../api/types.ts';

const PEERS = { province: '全省', city: '14 个市州', county: '122 个县市区' } as const;

/** One region's year month by month, and the classes behind its numbers — for those who may read its detail. */
export function RegionPage() {
  const { code } = useParams<{ code: string }>();
  const access = useAccess();
  const regions = useRegionsQuery();
  if (regions.isPending) return <main className="page"><p className="loading" role="status">正在加载…</p></main>;
  const region = regions.data?.find((r) => r.code === code);
  if (region && !access.can('read:detail', code)) return <NoDetail region={region} />;
  return <RegionDetail code={code} />;
}

/** Said before asking the server (which would refuse): why, and where this region's figures can be seen. */
function NoDetail({ region }: { region: Region }) {
  const { period } = usePeriod();
  const { user, home } = useAccess();
  const city = region.level === 'county' ? region.parentCode : region.code;
  return (
    <main className="page">
      <h1>{region.name}</h1>
      <p className="notice" role="status">
        无权查看{region.name}的明细：{ROLES[user.role]}（{home?.name ?? user.regionCode}）只能查看{home?.name ?? '本地区'}范围内的明细。
        {city && <> 其名次与各项指标可在<Link href={withPeriod(`/city/${city}`, period)}>所属市州页面</Link>或<Link href={withPeriod('/rankings', period)}>排名</Link>中查看。</>}
      </p>
    </main>
  );
}

function RegionDetail({ code }: { code: string }) {
  const { period, parsed } = usePeriod();
  const series = useSeriesQuery(code, parsed.year);
  const points = series.data?.points.filter((p) => p.period <= period);
  const current = points?.at(-1);
  const regions = useRegionsQuery().data;
  // The name from the registry at once; the series, when it comes, says the same.
  const region = series.data?.region ?? regions?.find((r) => r.code === code);
  const parent = regions?.find((r) => r.code === region?.parentCode);
  const trend = useMemo(() => (points ? buildTrendOptions(points) : null), [points]);

  return (
    <main className="page">
      <p className="crumbs">
        <Link href={withPeriod('/', period)}>总览</Link>
        {parent && region?.level === 'county' && (
          <> › <Link href={withPeriod(`/city/${parent.code}`, period)}>{parent.name}</Link></>
        )}
      </p>
      <h1>{region?.name ?? '…'} {formatPeriodLabel(period)}</h1>
      <Status query={series}>
        {current && region && (
          <>
            <section className="kpis" aria-label="主要指标">
              <KpiCard label="名次" value={`第 ${current.rank} 名`} detail={`在${PEERS[region.level]}中`} />
              <KpiCard
                label="完成比例"
                value={formatPercent(current.completionRatio)}
                detail={<>时序 {formatPercent(current.timeProgress)} · 差 {formatPoints(current.lag)}</>}
                tone={lagLevel(current.lag) === 'ahead' ? 'good' : 'bad'}
              />
              <KpiCard label="培训人次" value={formatCount(current.trainees)} detail={`目标 ${formatCount(current.target)}`} />
              <KpiCard label="开班 / 结课" value={`${formatCount(current.classesOpened)} / ${formatCount(current.classesFinished)}`} />
              <KpiCard label="资金审核数" value={formatWan(current.fundsAudited)} unit="万元" detail={`执行率 ${formatPercent(current.fundsRatio)}`} />
              <KpiCard label="人均补贴" value={formatYuan(current.avgSubsidy)} unit="元" />
            </section>
            {trend && (
              <section className="card">
                <h2>逐月进展</h2>
                <EChart option={trend} height={260} label={`${region.name}逐月培训人次与累计完成比例`} />
              </section>
            )}
          </>
        )}
      </Status>
      <section className="card">
        <h2>培训班明细</h2>
        <ClassList key={`${code}-${period}`} code={code} period={period} />
      </section>
    </main>
  );
}
