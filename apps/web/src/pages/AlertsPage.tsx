import { alertsTitle, moverLevels, summonsCriteria, type Region } from '@dispatch/core';
import { AlertFilterBar } from '../components/AlertFilterBar.tsx';
import { AlertList } from '../components/AlertList.tsx';
import { AlertNotes } from '../components/AlertNotes.tsx';
import { MoversList } from '../components/MoversList.tsx';
import { RankHeatMap } from '../components/RankHeatMap.tsx';
import { Status } from '../components/Status.tsx';
import { SummonsList } from '../components/SummonsList.tsx';
import { useAlertFilters } from '../hooks/use-alert-filters.ts';
import { useAlertSettingsQuery } from '../hooks/use-alert-settings-query.ts';
import { useAlertSummaryQuery } from '../hooks/use-alert-summary-query.ts';
import { alertsSearch, useAlertsQuery } from '../hooks/use-alerts-query.ts';
import { useNotesByRegion } from '../hooks/use-notes-by-region.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePeriod } from '../hooks/use-period.ts';
import { useRankHistoryQuery } from '../hooks/use-rank-history-query.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';

/**
 * The dispatch meeting's page: who is summoned, the month's alerts by rule, who moved, the ranks by month. A city in
 * the address is known once the regions are: until then nothing is asked, so the province's list never shows under
 * a city's filter.
 */
export function AlertsPage() {
  const regions = useRegionsQuery();
  if (!regions.data) return <main className="page"><Status query={regions} /></main>;
  return <AlertsContent cities={regions.data.filter((r) => r.level === 'city')} />;
}

function AlertsContent({ cities }: { cities: readonly Region[] }) {
  const { period, parsed } = usePeriod();
  const [filters, setFilters] = useAlertFilters();
  const city = cities.find((c) => c.code === filters.city);
  const query = { period, level: filters.level, parent: city?.code, rule: filters.rule, severity: filters.severity };
  const alerts = useAlertsQuery(query);
  const scope = { level: filters.level, parent: city?.code };
  const summary = useAlertSummaryQuery(period, scope);
  const settings = useAlertSettingsQuery().data;
  const notes = useNotesByRegion({ period, city: city?.code });
  const heat = useRankHistoryQuery(period, city ? 'county' : 'city', city?.code);
  const title = alertsTitle(parsed, { level: filters.level, parentName: city?.name, rule: filters.rule, severity: filters.severity });
  usePageTitle(title);
  return (
    <main className="page">
      <div className="page-head">
        <h1>{title}</h1>
        <a className="button" href={`/api/exports/alerts.xlsx?${alertsSearch(query)}`} download>导出 Excel</a>
      </div>
      <AlertFilterBar filters={filters} cities={cities} onChange={setFilters} />
      <section className="card">
        <h2>约谈名单 {settings && <small className="muted">连续排名靠后（{summonsCriteria(settings)}）</small>}</h2>
        <Status query={summary}>{summary.data && <SummonsList summons={summary.data.summons} period={period} withActions />}</Status>
      </section>
      <section className="card">
        <h2>预警 <small className="muted">{alerts.data ? `${alerts.data.alerts.length} 条` : ''}</small></h2>
        <Status query={alerts}>
          {alerts.data && (
            <AlertList alerts={alerts.data.alerts} period={period} withActions aside={(a) => <AlertNotes alert={a} notes={notes.get(a.regionCode)} />} />
          )}
        </Status>
      </section>
      <section className="card">
        <h2>{city ? `${city.name}各县市区` : '各市州'}逐月名次 {city && <small className="muted">市内名次</small>}</h2>
        <Status query={heat}>{heat.data && <RankHeatMap history={heat.data} level={city ? 'county' : 'city'} />}</Status>
      </section>
      <section className="card">
        <h2>本月变化 <small className="muted">名次为全省名次</small></h2>
        <Status query={summary}>
          {summary.data && moverLevels(scope).map((level) => (
            <section key={level} className="movers-level">
              <h3>{city ? (level === 'city' ? city.name : `${city.name}所辖县市区`) : level === 'city' ? '各市州' : '各县市区'}</h3>
              <MoversList movers={summary.data.movers[level]} period={period} />
            </section>
          ))}
        </Status>
      </section>
    </main>
  );
}
