import type { AlertSettings } from '@dispatch/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchJson } from '../api/fetch-json.ts';
import { ALERT_SETTINGS_KEY } from './use-alert-settings-query.ts';

/** New thresholds apply to every answer at once: every alert shown is asked for again. */
export function useSaveAlertSettingsMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (settings: AlertSettings) => fetchJson<AlertSettings>('/api/settings/alerts', { method: 'PUT', body: JSON.stringify(settings) }),
    onSuccess: (saved) => {
      queryClient.setQueryData(ALERT_SETTINGS_KEY, saved);
      void queryClient.invalidateQueries({ predicate: (query) => ['alerts', 'alert-summary', 'region-alerts'].includes(String(query.queryKey[0])) });
    },
  });
}
