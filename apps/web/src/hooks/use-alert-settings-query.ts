import type { AlertSettings } from '@dispatch/core';
import { useQuery } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';

export const ALERT_SETTINGS_KEY = ['settings', 'alerts'] as const;

export function useAlertSettingsQuery() {
  return useQuery({ queryKey: ALERT_SETTINGS_KEY, queryFn: () => fetchJson<AlertSettings>('/api/settings/alerts') });
}
