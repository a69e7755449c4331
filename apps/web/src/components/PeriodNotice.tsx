import { formatPeriodLabel, isPeriod } from '@dispatch/core';
import { usePeriod } from '../hooks/use-period.ts';

/**
 * Says so, where it cannot be missed, when the address asked for a month that is not one (2020-13) or has no data
 * (1999-01), and the latest month is shown instead.
 */
export function PeriodNotice() {
  const { requested, period, latest } = usePeriod();
  if (!requested || requested === period) return null;
  const why = isPeriod(requested) ? '没有数据' : '不是有效的统计期间（应为 年-月，如 2020-06）';
  return (
    <div className="page period-notice-box">
      <p className="period-notice" role="status">
        地址中的“{requested}”{why}，已显示最新月份 {formatPeriodLabel(latest)}。
      </p>
    </div>
  );
}
