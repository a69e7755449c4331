import { formatMonthLabel, formatPeriod } from '../metrics/period.ts';
import { alertOf, type AlertRuleFunction } from './context.ts';

/**
 * 数据未报送: a county whose month has no data yet, and a city whose counties have not all arrived — so that a missing
 * submission is never read as zero progress. Only for months up to the latest month any data arrived for (a month
 * nobody has loaded yet is not late); the demo marks every month of its year as arrived, so it never fires there.
 * A region this rule names for having nothing (`notArrived`) gets no other alert; see `monthsOf`.
 */
export const noData: AlertRuleFunction = (context) => {
  const { period, arrivals } = context;
  if (!arrivals?.latest || formatPeriod(period) > formatPeriod(arrivals.latest)) return [];
  const counts = arrivals.months[period.month - 1];
  if (!counts) return [];
  const label = formatMonthLabel(formatPeriod(period));
  return (context.months[period.month - 1] ?? []).flatMap((row) => {
    const count = counts.get(row.code);
    if (!count || count.arrived >= count.of) return [];
    const message = row.level === 'county' ? `${label}数据尚未报送` : `${label}数据尚未报送齐：${count.of}个县市区中${count.of - count.arrived}个未报送`;
    return [alertOf(row, period, 'no-data', 'yellow', message, { countiesArrived: count.arrived, counties: count.of })];
  });
};
