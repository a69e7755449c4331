import { ALERT_SETTING_FIELDS, DEFAULT_ALERT_SETTINGS, type AlertSettings } from '@dispatch/core';
import { useEffect, useState, type FormEvent } from 'react';
import { fieldErrorsOf } from '../api/field-labels.ts';
import { useSaveAlertSettingsMutation } from '../hooks/use-save-alert-settings-mutation.ts';
import { draftOf, parseDraft, type SettingsDraft } from '../settings-draft.ts';
import { AlertSettingField } from './AlertSettingField.tsx';

const LABELS: Record<string, string> = Object.fromEntries(ALERT_SETTING_FIELDS.map((f) => [f.path, f.label]));

/** The thresholds as text until they are sent: checked to be numbers here, against their bounds by the server. */
export function AlertSettingsForm({ saved }: { saved: AlertSettings }) {
  const save = useSaveAlertSettingsMutation();
  const [draft, setDraft] = useState<SettingsDraft>(() => draftOf(saved));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [filled, setFilled] = useState(false);
  useEffect(() => setDraft(draftOf(saved)), [saved]);
  const server = save.isError ? fieldErrorsOf(save.error.message, LABELS) : { fields: {}, rest: [] };
  const shown: Record<string, string> = { ...server.fields, ...problems };
  const edit = (next: SettingsDraft) => {
    setDraft(next);
    setProblems({});
    setFilled(false);
    save.reset();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseDraft(draft);
    setProblems(parsed.problems ?? {});
    setFilled(false);
    if (parsed.settings) save.mutate(parsed.settings);
    else save.reset();
  };
  const count = Object.keys(shown).length;
  return (
    <form className="card form" onSubmit={submit} aria-label="预警阈值" noValidate>
      {ALERT_SETTING_FIELDS.map((field) => (
        <AlertSettingField key={field.path} field={field} text={draft[field.path] ?? ''} saved={saved} problem={shown[field.path]}
          onChange={(text) => edit({ ...draft, [field.path]: text })} />
      ))}
      <p className="small muted">保存后立即用于所有页面、导出与摘要，并记入审计日志。</p>
      {(count > 0 || server.rest.length > 0) && (
        <p className="error" role="alert">{[count > 0 && `未保存：请更正标出的 ${count} 项`, ...server.rest].filter(Boolean).join('；')}</p>
      )}
      {save.isSuccess && <p className="success" role="status">已保存</p>}
      {filled && <p className="muted" role="status">已填入默认值，保存后生效</p>}
      <p>
        <button type="submit" className="primary" disabled={save.isPending}>{save.isPending ? '正在保存…' : '保存'}</button>
        <button type="button" className="link-button" onClick={() => { edit(draftOf(DEFAULT_ALERT_SETTINGS)); setFilled(true); }}>恢复默认</button>
      </p>
    </form>
  );
}
