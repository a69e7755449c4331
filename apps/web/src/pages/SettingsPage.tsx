import { useAccess } from '../auth/signed-in.ts';
import { AlertSettingsForm } from '../components/AlertSettingsForm.tsx';
import { Status } from '../components/Status.tsx';
import { useAlertSettingsQuery } from '../hooks/use-alert-settings-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';

/** The alert rules' thresholds: read by everyone on the alerts page, changed here by the province administrator. */
export function SettingsPage() {
  usePageTitle('预警规则');
  const allowed = useAccess().can('manage:settings');
  const settings = useAlertSettingsQuery();
  if (!allowed) return <main className="page"><p className="notice" role="status">预警规则仅限省级管理员修改。</p></main>;
  return (
    <main className="page narrow">
      <h1>预警规则</h1>
      <Status query={settings}>{settings.data && <AlertSettingsForm saved={settings.data} />}</Status>
    </main>
  );
}
