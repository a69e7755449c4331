import { formatCount } from '@dispatch/core';
import { useAccess } from '../auth/signed-in.ts';
import { AuditFilters } from '../components/AuditFilters.tsx';
import { AuditTable } from '../components/AuditTable.tsx';
import { Pager } from '../components/Pager.tsx';
import { Status } from '../components/Status.tsx';
import { useAuditFilters } from '../hooks/use-audit-filters.ts';
import { useAuditQuery } from '../hooks/use-audit-query.ts';
import { useDebounced } from '../hooks/use-debounced.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

const PAGE_SIZE = 50;

/** The audit log, newest first, filtered by who, what, where and when; the filters live in the address. */
export function AuditPage() {
  const allowed = useAccess().can('read:audit');
  usePageTitle('审计日志');
  const { filters, page, setFilter, setPage } = useAuditFilters();
  const actor = useDebounced(filters.actor.trim());
  const regions = useRegionsQuery().data ?? [];
  const search = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  for (const [key, value] of Object.entries({ ...filters, actor })) if (value) search.set(key, value);
  const audit = useAuditQuery(search, allowed);
  if (!allowed) return <main className="page"><p className="notice" role="status">审计日志仅限省级管理员查看。</p></main>;
  const data = audit.data;
  return (
    <main className="page">
      <h1>审计日志</h1>
      <AuditFilters filters={filters} actions={data?.actions ?? []} regions={regions} onChange={setFilter} />
      <section className="card">
        <Status query={audit} empty={data?.total === 0 && '没有符合条件的记录。'}>
          {data && (
            <>
              <p className="summary">共 <b>{formatCount(data.total)}</b> 条（北京时间；地区含下级）{audit.isFetching && <span className="muted">（更新中…）</span>}</p>
              <AuditTable rows={data.rows} />
              <Pager page={page} total={data.total} pageSize={PAGE_SIZE} onPage={setPage} />
            </>
          )}
        </Status>
      </section>
    </main>
  );
}
