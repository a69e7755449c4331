import { shortRegionName } from '@dispatch/core';
import { useMemo } from 'react';
import { buildCompletionBarOptions } from '../charts/completion-bar-options.ts';
import { EChart } from '../components/EChart.tsx';
import { RankingTable } from '../components/RankingTable.tsx';
import { Status } from '../components/Status.tsx';
import { formatPeriodLabel } from '../format.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { usePeriod } from '../hooks/use-period.ts';
import { useRegionLink } from '../hooks/use-region-link.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { useSearchParam } from '../hooks/use-search-param.ts';
import { useSort } from '../hooks/use-sort.ts';

/** The 14 cities or the 122 counties (all, or one city's), sortable by every column, exportable to Excel. */
export function RankingsPage() {
  const { period } = usePeriod();
  const regionLink = useRegionLink(period);
  const [levelParam, setLevel] = useSearchParam('level');
  const [cityParam, setCity] = useSearchParam('city');
  const regions = useRegionsQuery();
  const cities = regions.data?.filter((r) => r.level === 'city') ?? [];
  const level = levelParam === 'county' ? 'county' : 'city';
  const city = level === 'county' && cities.some((c) => c.code === cityParam) ? cityParam! : undefined;
  const metrics = useMetricsQuery({ period, level, parent: city });
  const { sort, sorted, setSort } = useSort(metrics.data?.rows);
  const bars = useMemo(
    () => (metrics.data ? buildCompletionBarOptions(metrics.data.rows, metrics.data.rows[0]?.timeProgress ?? 0) : null),
    [metrics.data],
  );
  const exportHref = `/api/exports/rankings.xlsx?${new URLSearchParams({
    period, level, sort: sort.key, order: sort.order, ...(city ? { parent: city } : {}),
  })}`;
  const cityName = cities.find((c) => c.code === city)?.name;
  const scope = level === 'city' ? '14 个市州' : city ? `${cityName}各县市区` : '122 个县市区';

  return (
    <main className="page">
      <div className="page-head">
        <h1>{formatPeriodLabel(period)} {scope}完成情况排名</h1>
        <a className="button" href={exportHref} download>导出 Excel</a>
      </div>
      <div className="toolbar" role="group" aria-label="排名范围">
        <div className="tabs">
          <button type="button" aria-pressed={level === 'city'} onClick={() => { setCity(null); setLevel('city'); }}>市州</button>
          <button type="button" aria-pressed={level === 'county'} onClick={() => setLevel('county')}>县市区</button>
        </div>
        {level === 'county' && (
          <label>
            所属市州
            <select value={city ?? ''} onChange={(e) => setCity(e.target.value || null)} aria-label="所属市州">
              <option value="">全省（122 个）</option>
              {cities.map((c) => (
                <option key={c.code} value={c.code}>{c.shortName}</option>
              ))}
            </select>
          </label>
        )}
      </div>
      <Status query={metrics}>
        {bars && sorted && (
          <>
            <section className="card">
              <EChart option={bars} height={level === 'county' && !city ? 300 : 280} label={`${scope}完成比例与时序进度`} />
            </section>
            <section className="card">
              <RankingTable
                rows={sorted}
                sort={sort}
                onSort={setSort}
                linkOf={regionLink}
                caption={`${city ? `名次为${cityName ? shortRegionName(cityName, 'city') : ''}内排名。` : ''}按完成比例排名；完成比例相同按资金执行率。数据截至 ${formatPeriodLabel(period)}末。`}
              />
            </section>
          </>
        )}
      </Status>
    </main>
  );
}
