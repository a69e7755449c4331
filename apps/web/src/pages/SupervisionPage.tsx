import { ActionFilterBar } from '../components/ActionFilterBar.tsx';
import { ActionTable } from '../components/ActionTable.tsx';
import { Status } from '../components/Status.tsx';
import { useAccess } from '../auth/signed-in.ts';
import { useActionFilters } from '../hooks/use-action-filters.ts';
import { useActionsQuery } from '../hooks/use-actions-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';

/** 督导事项: guidance and summons within one's scope, filtered in the address. */
export function SupervisionPage() {
  const [filters, setFilters] = useActionFilters();
  const access = useAccess();
  // A city leader's list is their own city's: no city to choose; county staff and viewers likewise.
  const regions = useRegionsQuery().data;
  const cities = access.can('read:detail', null) ? (regions?.filter((r) => r.level === 'city') ?? []) : [];
  const actions = useActionsQuery(filters);
  usePageTitle('督导事项');
  return (
    <main className="page">
      <div className="page-head">
        <h1>督导事项 <small className="muted">一对一指导与约谈</small></h1>
      </div>
      <ActionFilterBar filters={filters} cities={cities} onChange={setFilters} />
      <section className="card">
        <Status query={actions}>
          {actions.data && (
            <>
              <p className="muted small">共 {actions.data.total} 项{actions.data.actions.some((a) => a.overdue) ? `，其中逾期 ${actions.data.actions.filter((a) => a.overdue).length} 项` : ''}</p>
              <ActionTable actions={actions.data.actions} empty="没有符合条件的督导事项。" />
            </>
          )}
        </Status>
      </section>
    </main>
  );
}
