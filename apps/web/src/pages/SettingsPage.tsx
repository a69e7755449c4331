import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '@dispatch/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useAccess } from '../auth/signed-in.ts';
import { Status } from '../components/Status.tsx';
import { useAlertSettingsQuery } from '../hooks/use-alert-settings-query.ts';
import { usePageTitle } from '../hooks/use-page-title.ts';
import { useSaveAlertSettingsMutation } from '../hooks/use-save-alert-settings-mutation.ts';

type Group = keyof AlertSettings;
/** Each threshold: where it sits in the settings, what it means, its unit and step. */
const FIELDS: { group: Group; key: string; label: string; unit: string; step: number }[] = [
  { group: 'behindTime', key: 'redPoints', label: '严重落后：较时序进度不高于', unit: '百分点', step: 0.1 },
  { group: 'behindTime', key: 'redShareOfProvince', label: '且完成比例低于全省的', unit: '（比例，如 0.75）', step: 0.01 },
  { group: 'persistentBottom', key: 'cities', label: '持续靠后：市州后', unit: '位', step: 1 },
  { group: 'persistentBottom', key: 'counties', label: '持续靠后：县市区后', unit: '位', step: 1 },
  { group: 'persistentBottom', key: 'months', label: '持续靠后：连续', unit: '个月', step: 1 },
  { group: 'fallingBack', key: 'cityPlaces', label: '退步：市州名次下降', unit: '位及以上', step: 1 },
  { group: 'fallingBack', key: 'countyPlaces', label: '退步：县市区名次下降', unit: '位及以上', step: 1 },
  { group: 'fundsLagging', key: 'belowCompletionPoints', label: '资金执行滞后：低于完成比例超过', unit: '百分点', step: 0.1 },
  { group: 'fundsLagging', key: 'belowTimeLinePoints', label: '或低于时序进度超过', unit: '百分点', step: 0.1 },
];

/** The alert rules' thresholds: read by everyone on the alerts page, changed here by the province administrator. */
export function SettingsPage() {
  usePageTitle('预警规则');
  const allowed = useAccess().can('manage:settings');
  const settings = useAlertSettingsQuery();
  const save = useSaveAlertSettingsMutation();
  const [form, setForm] = useState<AlertSettings>(DEFAULT_ALERT_SETTINGS);
  useEffect(() => {
    if (settings.data) setForm(settings.data);
  }, [settings.data]);
  if (!allowed) return <main className="page"><p className="notice" role="status">预警规则仅限省级管理员修改。</p></main>;
  const value = (group: Group, key: string) => (form[group] as Record<string, number>)[key]!;
  const set = (group: Group, key: string, input: string) => setForm({ ...form, [group]: { ...form[group], [key]: Number(input) } });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate(form);
  };
  return (
    <main className="page narrow">
      <h1>预警规则</h1>
      <Status query={settings}>
        <form className="card form" onSubmit={submit} aria-label="预警阈值">
          {FIELDS.map((f) => (
            <label key={`${f.group}.${f.key}`}>
              <span>{f.label} <small className="muted">{f.unit}</small></span>
              <input type="number" step={f.step} required value={value(f.group, f.key)} onChange={(e) => set(f.group, f.key, e.target.value)} />
            </label>
          ))}
          <p className="small muted">保存后立即用于所有页面、导出与摘要，并记入审计日志。</p>
          {save.isError && <p className="error" role="alert">{save.error.message}</p>}
          {save.isSuccess && <p className="success" role="status">已保存</p>}
          <button type="submit" className="primary" disabled={save.isPending}>{save.isPending ? '正在保存…' : '保存'}</button>
        </form>
      </Status>
    </main>
  );
}
