import { useAccess } from '../auth/signed-in.ts';
import { ActionTable } from '../components/ActionTable.tsx';
import { Status } from '../components/Status.tsx';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useTasksQuery } from '../hooks/use-tasks-query.ts';

/** 待办: what waits for the signed-in person, by due date (the overdue first). */
export function TasksPage() {
  const tasks = useTasksQuery();
  const access = useAccess();
  const province = access.can('direct:supervision', access.user.regionCode);
  usePageTitle('待办');
  return (
    <main className="page">
      <h1>待办 <small className="muted">{province ? '待审核的答复' : '待答复的督导事项（含已退回）'}</small></h1>
      <section className="card">
        <Status query={tasks}>
          {tasks.data && <ActionTable actions={tasks.data.actions} empty="暂无待办。" />}
        </Status>
      </section>
    </main>
  );
}
