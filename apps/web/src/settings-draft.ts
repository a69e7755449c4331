import { ALERT_SETTING_FIELDS, alertSettingValue, type AlertSettingField, type AlertSettings } from '@dispatch/core';

/** The thresholds as typed, by path (`behindTime.redPoints`): text until the form is sent, so that `-`, `-1` and an
 * empty field can be on the way to a number without the input rewriting them. */
export type SettingsDraft = Readonly<Record<string, string>>;

export function draftOf(settings: AlertSettings): SettingsDraft {
  return Object.fromEntries(ALERT_SETTING_FIELDS.map((field) => [field.path, String(alertSettingValue(settings, field))]));
}

/**
 * Typed text as a number, or null: ' -12 ', '−12' (a real minus sign), '－１２' (full-width, as Chinese input methods
 * type) all read as −12; '', '-', '1e' and '12abc' are not numbers.
 */
export function readNumber(text: string): number | null {
  const plain = text.normalize('NFKC').replace(/\u2212/g, '-').trim();
  return /^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(plain) ? Number(plain) : null;
}

/** What is wrong with one field's text, in words that name it; null when it is a number. */
export function draftProblem(field: AlertSettingField, text: string): string | null {
  if (text.trim() === '') return `请填写「${field.label}」`;
  return readNumber(text) === null ? `「${field.label}」应为数字` : null;
}

/**
 * The draft as settings to send, or each field's problem. Only whether each is a number is checked here; the
 * bounds are the server's to check (it names the field in its answer, which the form shows beside it).
 */
export function parseDraft(draft: SettingsDraft): { settings: AlertSettings; problems: null } | { settings: null; problems: Record<string, string> } {
  const problems: Record<string, string> = {};
  const settings: Record<string, Record<string, number>> = {};
  for (const field of ALERT_SETTING_FIELDS) {
    const text = draft[field.path] ?? '';
    const problem = draftProblem(field, text);
    if (problem) problems[field.path] = problem;
    else (settings[field.group] ??= {})[field.key] = readNumber(text)!;
  }
  return Object.keys(problems).length ? { settings: null, problems } : { settings: settings as unknown as AlertSettings, problems: null };
}
