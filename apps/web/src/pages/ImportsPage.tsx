import { formatMonthLabel } from '@dispatch/core';
import { useAccess } from '../auth/signed-in.ts';
import { FreshnessTable } from '../components/imports/FreshnessTable.tsx';
import { ImportHistory } from '../components/imports/ImportHistory.tsx';
import { ImportUpload } from '../components/imports/ImportUpload.tsx';
import { MonthClose } from '../components/imports/MonthClose.tsx';
import { Status } from '../components/Status.tsx';
import { useFreshnessQuery } from '../hooks/use-freshness-query.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { usePeriod } from '../hooks/use-period.ts';

/** 数据导入: the month's close and freshness, the upload with its preview and confirmation, the history with undo. */
export function ImportsPage() {
  usePageTitle('数据导入');
  const access = useAccess();
  const { period } = usePeriod();
  const allowed = access.can('write:data', access.user.regionCode);
  const freshness = useFreshnessQuery(period, allowed);
  // Who may import is known once the registry is (core's rule needs the regions).
  if (useRegionsQuery().isPending) return <main className="page"><p className="loading" role="status">正在加载…</p></main>;
  if (!allowed) return <main className="page"><p className="notice" role="status">数据导入仅限省级和市州用户。</p></main>;
  return (
    <main className="page imports-page">
      <h1>数据导入</h1>
      <section className="card" aria-labelledby="freshness-title">
        <h2 id="freshness-title">{formatMonthLabel(period)} 报送情况</h2>
        <Status query={freshness}>
          {freshness.data && (
            <>
              <MonthClose freshness={freshness.data} />
              {freshness.data.missing > 0 ? (
                <>
                  <p>本月尚有 <b className="down">{freshness.data.missing}</b> 个县市区数据未报送。</p>
                  <div className="table-wrap"><FreshnessTable freshness={freshness.data} /></div>
                </>
              ) : (
                // Nothing missing: the per-city times on request, the import in view.
                <details className="freshness-all">
                  <summary>各县市区本月数据均已报送。查看各市州报送时间</summary>
                  <div className="table-wrap"><FreshnessTable freshness={freshness.data} /></div>
                </details>
              )}
            </>
          )}
        </Status>
      </section>
      <ImportUpload />
      <ImportHistory />
    </main>
  );
}
