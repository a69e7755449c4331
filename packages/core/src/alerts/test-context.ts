import type { AlertSettings } from '../contract/alert-settings.ts';
import { DEFAULT_ALERT_SETTINGS } from './default-settings.ts';
import type { MetricRow } from '../contract/metric-row.ts';
import { metricRow } from '../testing/metric-row.ts';
import type { AlertContext } from './context.ts';

type RowSpec = Partial<MetricRow> & Pick<MetricRow, 'code'>;

/**
 * A hand-made year for a rule's tests: for each month, the rows (ranks and lags as the test states them, the rest
 * zeros), the province's completion for each month, and the month evaluated (the last one given).
 */
export function contextOf(
  months: readonly (readonly RowSpec[])[],
  options: { province?: readonly (number | null)[]; settings?: AlertSettings; level?: 'city' | 'county' } = {},
): AlertContext {
  const month = months.length;
  return {
    period: { year: 2020, month },
    months: months.map((rows, i) => rows.map((spec) => metricRow({ level: options.level ?? 'city', timeProgress: (i + 1) / 12, ...spec }))),
    province: months.map((_, i) => {
      const completionRatio = options.province?.[i] ?? null;
      return metricRow({ code: '430000', level: 'province', parentCode: null, completionRatio, target: 1_000_000, trainees: (completionRatio ?? 0) * 1_000_000 });
    }),
    settings: options.settings ?? DEFAULT_ALERT_SETTINGS,
  };
}
