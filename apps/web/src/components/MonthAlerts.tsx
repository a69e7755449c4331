import { formatPeriodLabel } from '@dispatch/core';
import { Link } from 'wouter';
import { useAlertSummaryQuery } from '../hooks/use-alert-summary-query.ts';
import { withPeriod } from '../hooks/use-period.ts';
import { AlertCounts } from './AlertCounts.tsx';
import { Status } from './Status.tsx';
import { SummonsList } from './SummonsList.tsx';

/** What the dispatch meeting opens with: the month's alerts counted per rule, and who is to be summoned. */
export function MonthAlerts({ period }: { period: string }) {
  const summary = useAlertSummaryQuery(period);
  return (
    <section className="card month-alerts">
      <h2>
        {formatPeriodLabel(period)}预警 <Link href={withPeriod('/alerts', period)} className="small">查看全部预警 ›</Link>
      </h2>
      <Status query={summary}>
        {summary.data && (
          <div className="two-columns">
            <div>
              <h3>约谈名单</h3>
              <SummonsList summons={summary.data.summons} period={period} />
            </div>
            <div>
              <h3>各规则预警</h3>
              <AlertCounts summary={summary.data} />
            </div>
          </div>
        )}
      </Status>
    </section>
  );
}
