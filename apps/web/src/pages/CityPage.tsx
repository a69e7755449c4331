import { formatPeriodLabel, type Region } from '@dispatch/core';
import { Link, useLocation, useParams } from 'wouter';
import { CityAlerts } from '../components/CityAlerts.tsx';
import { CityKpis } from '../components/CityKpis.tsx';
import { CityNotes } from '../components/CityNotes.tsx';
import { CountyGapTable } from '../components/CountyGapTable.tsx';
import { LazyCountyMap } from '../components/LazyCountyMap.tsx';
import { MissingDataBanner } from '../components/MissingDataBanner.tsx';
import { RankHistory } from '../components/RankHistory.tsx';
import { RegionGate } from '../components/RegionGate.tsx';
import { Status } from '../components/Status.tsx';
import { useAlertsByRegion } from '../hooks/use-alerts-by-region.ts';
import { useAlertsQuery } from '../hooks/use-alerts-query.ts';
import { useArrivalMarks } from '../hooks/use-arrival-marks.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { useNotesByRegion } from '../hooks/use-notes-by-region.ts';
import { usePeriod, withPeriod } from '../hooks/use-period.ts';
import { useRegionLink } from '../hooks/use-region-link.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** A city leader's view: the city among the 14, each county's gaps, what changed, the rank history. */
export function CityPage() {
  const { code } = useParams<{ code: string }>();
  return <RegionGate code={code} accepts={['city']}>{(city) => <CityView city={city} />}</RegionGate>;
}

function CityView({ city }: { city: Region }) {
  const { period, parsed } = usePeriod();
  const [, navigate] = useLocation();
  const cities = useMetricsQuery({ period, level: 'city' });
  const province = useMetricsQuery({ period, level: 'province' });
  const counties = useMetricsQuery({ period, level: 'county', parent: city.code });
  const alerts = useAlertsQuery({ period, parent: city.code });
  const countyAlerts = useAlertsByRegion(period, 'county', city.code);
  const regionLink = useRegionLink(period);
  const notes = useNotesByRegion({ city: city.code, period });
  const arrivals = useArrivalMarks(period);
  usePageTitle(`${city.name} ${formatPeriodLabel(period)}`);
  const row = cities.data?.rows.find((r) => r.code === city.code);
  const reference = province.data?.rows[0];
  return (
    <main className="page">
      <p className="crumbs"><Link href={withPeriod('/', period)}>总览</Link> › 市州</p>
      <h1>{city.name} {formatPeriodLabel(period)}</h1>
      <MissingDataBanner period={period} city={city.code} />
      <Status query={cities}>{row && reference && <CityKpis city={row} province={reference} period={parsed} arrival={arrivals.get(city.code)} />}</Status>
      <section className="card">
        <h2>本市及所辖县市区预警</h2>
        <Status query={alerts}>
          {alerts.data && row && counties.data && <CityAlerts alerts={alerts.data.alerts} rows={[row, ...counties.data.rows]} />}
        </Status>
      </section>
      <div className="two-columns">
        <section className="card">
          <h2>各县市区完成情况与差距</h2>
          <Status query={counties}>
            {counties.data && reference && <CountyGapTable rows={counties.data.rows} reference={reference} linkOf={regionLink} period={parsed} alerts={countyAlerts} noted={new Set(notes.keys())} arrivals={arrivals} />}
          </Status>
        </section>
        <section className="card">
          <h2>完成比例分布</h2>
          {counties.data && (
            <LazyCountyMap
              rows={counties.data.rows}
              metric="completionRatio"
              cityCode={city.code}
              height={360}
              label={`${city.name}各县市区完成比例地图`}
              alerts={countyAlerts}
              arrivals={arrivals}
              onRegionClick={(county) => {
                const href = regionLink({ code: county, level: 'county' });
                if (href) navigate(href);
              }}
            />
          )}
        </section>
      </div>
      <CityNotes city={city} period={period} />
      <RankHistory city={city} />
    </main>
  );
}
