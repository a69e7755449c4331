import { formatPeriodLabel, type Region } from '@dispatch/core';
import { useMemo } from 'react';
import { Link, useParams } from 'wouter';
import { useAccess } from '../auth/signed-in.ts';
import { buildTrendOptions } from '../charts/trend-options.ts';
import { ClassList } from '../components/ClassList.tsx';
import { EChart } from '../components/EChart.tsx';
import { NoDetail } from '../components/NoDetail.tsx';
import { RegionGate } from '../components/RegionGate.tsx';
import { RegionKpis } from '../components/RegionKpis.tsx';
import { RegionNotes } from '../components/RegionNotes.tsx';
import { Status } from '../components/Status.tsx';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { useSeriesQuery } from '../hooks/use-series-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** One city's or county's year month by month, and the classes behind its numbers — for those who may read its detail. */
export function RegionPage() {
  const { code } = useParams<{ code: string }>();
  const access = useAccess();
  return (
    <RegionGate code={code} accepts={['city', 'county']}>
      {(region) => (access.can('read:detail', region.code) ? <RegionDetail region={region} /> : <NoDetail region={region}><RegionNotes region={region} /></NoDetail>)}
    </RegionGate>
  );
}

function RegionDetail({ region }: { region: Region }) {
  const { period, parsed } = usePeriod();
  const series = useSeriesQuery(region.code, parsed.year);
  usePageTitle(`${region.name} ${formatPeriodLabel(period)}`);
  const points = useMemo(() => series.data?.points.filter((p) => p.period <= period), [series.data, period]);
  const current = points?.at(-1);
  const parent = useRegionsQuery().data?.find((r) => r.code === region.parentCode);
  const trend = useMemo(() => (points ? buildTrendOptions(points) : null), [points]);
  return (
    <main className="page">
      <p className="crumbs">
        <Link href={withPeriod('/', period)}>总览</Link>
        {parent && parent.level === 'city' && <> › <Link href={withPeriod(`/city/${parent.code}`, period)}>{parent.name}</Link></>}
      </p>
      <h1>{region.name} {formatPeriodLabel(period)}</h1>
      <Status query={series}>
        {current && <RegionKpis point={current} />}
        {trend && (
          <section className="card">
            <h2>逐月进展</h2>
            <EChart option={trend} height={260} label={`${region.name}逐月培训人次与累计完成比例`} />
          </section>
        )}
      </Status>
      <RegionNotes region={region} />
      <section className="card">
        <h2>培训班明细</h2>
        <ClassList code={region.code} period={period} />
      </section>
    </main>
  );
}
