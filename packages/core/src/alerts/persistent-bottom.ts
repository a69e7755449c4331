import type { MetricRow } from '../contract/metric-row.ts';
import { alertOf, monthsOf, notArrived, type AlertContext, type AlertRuleFunction } from './context.ts';

/**
 * For each month, the codes among the last `bottom` of the month's regions that have a target and whose month has
 * arrived: those without a target rank last but are not ranked against a target, and those that have not reported
 * are unknown, not last (`notArrived`) — neither is counted, and the bottom is the last `bottom` of the others.
 */
function bottomsByMonth(context: AlertContext, bottom: (row: MetricRow) => number): Set<string>[] {
  return context.months.map((rows, i) => {
    const ranked = rows.filter((r) => r.completionRatio !== null && !notArrived(context, r.code, i + 1)).sort((a, b) => a.rank - b.rank);
    return new Set(ranked.filter((r, position) => position >= ranked.length - bottom(r)).map((r) => r.code));
  });
}

/** How many months in a row, ending with the month evaluated, the region sat in the bottom. */
function streakOf(code: string, bottoms: readonly Set<string>[], month: number): number {
  let streak = 0;
  while (month - streak >= 1 && bottoms[month - streak - 1]?.has(code)) streak++;
  return streak;
}

/**
 * 持续排名靠后: in the bottom N of its level (cities: 3 of 14; counties: 10 of 122) for at least K months in a row
 * → a candidate to be named and summoned (通报约谈). Always red; the message says how many months.
 */
export const persistentBottom: AlertRuleFunction = (context) => {
  const { period, settings } = context;
  const { current } = monthsOf(context);
  const bottomOf = (row: MetricRow) => (row.level === 'city' ? settings.persistentBottom.cities : settings.persistentBottom.counties);
  const bottoms = bottomsByMonth(context, bottomOf);
  return current.flatMap((row) => {
    const bottom = bottomOf(row);
    const streak = streakOf(row.code, bottoms, period.month);
    if (streak < settings.persistentBottom.months) return [];
    const peers = row.level === 'city' ? '全省市州' : '全省县市区';
    return [alertOf(row, period, 'persistent-bottom', 'red', `连续${streak}个月排名${peers}后${bottom}位（本月第 ${row.rank} 名）`, { months: streak, bottom, rank: row.rank })];
  });
};
