import { alertSettingValue, DEFAULT_ALERT_SETTINGS, formatExact, type AlertSettingField as Field, type AlertSettings } from '@dispatch/core';

/** What a threshold is now and by default: 「默认 −10」, or 「已保存 −12 · 默认 −10」 once it differs. */
function savedAndDefault(field: Field, saved: AlertSettings): string {
  const [now, fallback] = [alertSettingValue(saved, field) as number, alertSettingValue(DEFAULT_ALERT_SETTINGS, field) as number];
  return now === fallback ? `默认 ${formatExact(fallback)}` : `已保存 ${formatExact(now)} · 默认 ${formatExact(fallback)}`;
}

/**
 * One threshold: its text as typed (a text input, so that `-` and `-1` can be typed on the way to −12; a number
 * input rewrote them), what is saved and the default, and what is wrong with it, named.
 */
export function AlertSettingField({ field, text, saved, problem, onChange }: {
  field: Field;
  text: string;
  saved: AlertSettings;
  problem: string | undefined;
  onChange: (text: string) => void;
}) {
  const id = `setting-${field.path.replace('.', '-')}`;
  return (
    <label>
      <span id={`${id}-label`}>{field.label} <small className="muted">{field.unit}{field.hint && `（${field.hint}）`}</small></span>
      <input
        id={id}
        type="text"
        // A keyboard with a minus key where the threshold can be negative; a number pad elsewhere.
        inputMode={field.min < 0 ? 'text' : field.whole ? 'numeric' : 'decimal'}
        autoComplete="off"
        value={text}
        onChange={(e) => onChange(e.target.value)}
        aria-labelledby={`${id}-label`}
        aria-describedby={`${id}-saved${problem ? ` ${id}-problem` : ''}`}
        aria-invalid={problem ? true : undefined}
      />
      <small className="muted" id={`${id}-saved`}>{savedAndDefault(field, saved)}</small>
      {problem && <small className="error" id={`${id}-problem`} data-problem={field.path}>{problem}</small>}
    </label>
  );
}
