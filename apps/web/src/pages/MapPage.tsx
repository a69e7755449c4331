import { formatPeriodLabel } from '@dispatch/core';
import { useLocation } from 'wouter';
import { findMapMetric, MAP_METRICS } from '../charts/map-options.ts';
import { LazyCountyMap } from '../components/LazyCountyMap.tsx';
import { Status } from '../components/Status.tsx';
import { useAlertsByRegion } from '../hooks/use-alerts-by-region.ts';
import { useArrivalMarks } from '../hooks/use-arrival-marks.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useRegionLink } from '../hooks/use-region-link.ts';
import { useSearchParam } from '../hooks/use-search-param.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The 122 counties coloured by the metric the user picks; a click opens the county. */
export function MapPage() {
  const { period } = usePeriod();
  const [metricParam, setMetric] = useSearchParam('metric');
  const metric = findMapMetric(metricParam);
  usePageTitle(`${formatPeriodLabel(period)}县市区${metric.label}分布`);
  const counties = useMetricsQuery({ period, level: 'county' });
  const alerts = useAlertsByRegion(period, 'county');
  const arrivals = useArrivalMarks(period);
  const [, navigate] = useLocation();
  const regionLink = useRegionLink(period);
  // A county one may not read in detail opens its city's view instead.
  const open = (code: string) => {
    const row = counties.data?.rows.find((r) => r.code === code);
    if (row) navigate(regionLink(row) ?? withPeriod(`/city/${row.parentCode}`, period));
  };
  return (
    <main className="page">
      <div className="page-head">
        <h1>{formatPeriodLabel(period)} 县市区{metric.label}分布</h1>
        <label>
          着色指标
          <select value={metric.key} onChange={(e) => setMetric(e.target.value)} aria-label="着色指标">
            {MAP_METRICS.map((m) => (
              <option key={m.key} value={m.key}>{m.label}</option>
            ))}
          </select>
        </label>
      </div>
      <section className="card">
        <Status query={counties}>
          {counties.data && (
            <LazyCountyMap
              rows={counties.data.rows}
              metric={metric.key}
              height={560}
              label={`湖南省 122 个县市区${metric.label}地图，粗线为市州界`}
              onRegionClick={open}
              alerts={alerts}
              arrivals={arrivals}
            />
          )}
        </Status>
        <p className="muted small">
          粗线为市州界。<span className="hover-only">点击县市区查看其逐月情况与培训班明细</span><span className="touch-only">进入县市区可看其逐月情况与培训班明细</span>（限本人权限范围；其他地区打开所属市州）。演示数据。
        </p>
      </section>
    </main>
  );
}
