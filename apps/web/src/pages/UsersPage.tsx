import { useAccess } from '../auth/signed-in.ts';
import { Status } from '../components/Status.tsx';
import { NewUserForm } from '../components/users/NewUserForm.tsx';
import { UsersTable } from '../components/users/UsersTable.tsx';
import { useRegionsQuery } from '../hooks/use-regions-query.ts';
import { useUsersQuery } from '../hooks/use-users-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** Accounts: the list, a new account, edits, stops and password resets. The province admin's alone (the server checks). */
export function UsersPage() {
  const access = useAccess();
  usePageTitle('账号管理');
  const allowed = access.can('manage:users');
  const users = useUsersQuery(allowed);
  const regions = useRegionsQuery().data ?? [];
  if (!allowed) return <main className="page"><p className="notice" role="status">账号管理仅限省级管理员。</p></main>;
  return (
    <main className="page">
      <h1>账号管理</h1>
      <section className="card">
        <h2>账号 <small className="muted">{users.data ? `共 ${users.data.length} 个` : ''}</small></h2>
        <Status query={users}>{users.data && <UsersTable users={users.data} regions={regions} self={access.user.login} />}</Status>
      </section>
      <NewUserForm regions={regions} />
    </main>
  );
}
