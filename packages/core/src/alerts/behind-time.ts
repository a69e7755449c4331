import { formatPercent, grouped, percentNumber } from '../display/numbers.ts';
import { lagPhrase, timeLineGapPhrase } from '../display/wording.ts';
import { regionGaps } from '../metrics/gaps.ts';
import { alertOf, monthsOf, type AlertRuleFunction } from './context.ts';
import { lagLevel } from './lag-level.ts';

/** 「须月均结业 658 人方能完成全年目标」, when there is a month left to do it in. */
export function catchUpPhrase(catchUpPerMonth: number | null): string {
  return catchUpPerMonth ? `，须月均结业 ${grouped(catchUpPerMonth)} 人方能完成全年目标` : '';
}

/**
 * 落后时序进度: behind the time line as shown (lag below 0.0 points) is yellow. Red singles out the worst even when
 * nearly everyone is behind (the COVID spring of 2020): far behind the time line (at or below `redPoints`) AND a
 * completion ratio below `redShareOfProvince` of the province's own — behind the time line and far behind peers.
 */
export const behindTime: AlertRuleFunction = (context) => {
  const { period, settings } = context;
  const province = context.province[period.month - 1];
  const { redPoints, redShareOfProvince } = settings.behindTime;
  return monthsOf(context).current.flatMap((row) => {
    const level = lagLevel(row.lag, { redPoints });
    if (level !== 'behind' && level !== 'far-behind') return [];
    const provinceRatio = province?.completionRatio ?? null;
    const belowPeers = row.completionRatio !== null && provinceRatio !== null && row.completionRatio < provinceRatio * redShareOfProvince;
    const red = level === 'far-behind' && belowPeers;
    const { toTimeLine } = regionGaps(row, province, period);
    const peers = red ? `，完成比例 ${formatPercent(row.completionRatio)} 不到全省（${formatPercent(provinceRatio)}）的 ${grouped(percentNumber(redShareOfProvince))}%` : '';
    return [
      alertOf(row, period, 'behind-time', red ? 'red' : 'yellow', `${lagPhrase(row.lag)}，${timeLineGapPhrase(toTimeLine)}${peers}${catchUpPhrase(row.catchUpPerMonth)}`, {
        lagPoints: percentNumber(row.lag!),
        completionRatio: row.completionRatio,
        provinceCompletionRatio: provinceRatio,
        toTimeLine,
        catchUpPerMonth: row.catchUpPerMonth,
      }),
    ];
  });
};
