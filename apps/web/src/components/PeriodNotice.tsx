import { formatPeriodLabel } from '@dispatch/core';
import { usePeriod } from '../hooks/use-period.ts';

/** Says so when the address asked for a month without data and the latest month is shown instead. */
export function PeriodNotice() {
  const { requested, period, latest } = usePeriod();
  if (!requested || requested === period) return null;
  return (
    <p className="notice page period-notice" role="status">
      “{requested}”没有数据，已显示最新月份 {formatPeriodLabel(latest)}。
    </p>
  );
}
