import { rankingNote, rankingTitle } from '@dispatch/core';
import { useMemo } from 'react';
import { subjectOfRow } from '../action-draft.ts';
import { buildCompletionBarOptions, missingNote, reportedRows } from '../charts/completion-bar-options.ts';
import { EChart } from '../components/EChart.tsx';
import { OpenActionButton } from '../components/OpenActionButton.tsx';
import { RankingScopePicker } from '../components/RankingScopePicker.tsx';
import { RankingTable } from '../components/RankingTable.tsx';
import { Status } from '../components/Status.tsx';
import { useAlertsByRegion } from '../hooks/use-alerts-by-region.ts';
import { useArrivalMarks } from '../hooks/use-arrival-marks.ts';
import { useAlertsQuery } from '../hooks/use-alerts-query.ts';
import { useMetricsQuery } from '../hooks/use-metrics-query.ts';
import { usePeriod } from '../hooks/use-period.ts';
import { useRankingScope } from '../hooks/use-ranking-scope.ts';
import { useRegionLink } from '../hooks/use-region-link.ts';
import { useSort } from '../hooks/use-sort.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The 14 cities or the 122 counties (all, or one city's), sortable by every column, exportable to Excel. */
export function RankingsPage() {
  const { period, parsed } = usePeriod();
  const regionLink = useRegionLink(period);
  const scope = useRankingScope();
  const metrics = useMetricsQuery({ period, level: scope.level, parent: scope.city?.code });
  const { sort, sorted, setSort } = useSort(metrics.data?.rows);
  const alerts = useAlertsByRegion(period, scope.level, scope.city?.code);
  const arrivals = useArrivalMarks(period);
  // 督导 cites a row's alert: offered once the month's alerts are in, not while another month's are on screen.
  const alertsQuery = useAlertsQuery({ period, level: scope.level, parent: scope.city?.code });
  const alertsSettled = !alertsQuery.isPending && !alertsQuery.isPlaceholderData;
  const bars = useMemo(() => (metrics.data ? buildCompletionBarOptions(metrics.data.rows, parsed.month / 12, arrivals) : null), [metrics.data, parsed.month, arrivals]);
  const notDrawn = metrics.data ? missingNote(reportedRows(metrics.data.rows, arrivals).missing) : null;
  const textScope = { level: scope.level, parentName: scope.city?.name };
  usePageTitle(rankingTitle(parsed, textScope));
  const exportHref = `/api/exports/rankings.xlsx?${new URLSearchParams({
    period, level: scope.level, sort: sort.key, order: sort.order, ...(scope.city ? { parent: scope.city.code } : {}),
  })}`;

  return (
    <main className="page">
      <div className="page-head">
        <h1>{rankingTitle(parsed, textScope)}</h1>
        <a className="button" href={exportHref} download>导出 Excel</a>
      </div>
      <RankingScopePicker scope={scope} />
      <Status query={metrics}>
        {bars && sorted && (
          <>
            <section className="card">
              <EChart option={bars} height={scope.level === 'county' && !scope.city ? 300 : 280} label={`${rankingTitle(parsed, textScope)}：完成比例与时序进度`} />
              {notDrawn && <p className="chart-note muted">{notDrawn}</p>}
            </section>
            <section className="card">
              <RankingTable
                level={scope.level}
                alerts={alerts}
                arrivals={arrivals}
                rows={sorted}
                sort={sort}
                onSort={setSort}
                linkOf={regionLink}
                caption={rankingNote(parsed, textScope)}
                rowAction={alertsSettled ? (row) => <OpenActionButton subject={subjectOfRow(row, period, alerts.get(row.code))} /> : undefined}
              />
            </section>
          </>
        )}
      </Status>
    </main>
  );
}
