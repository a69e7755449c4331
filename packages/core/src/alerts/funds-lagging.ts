import { formatPercent, grouped, percentNumber } from '../display/numbers.ts';
import { alertOf, monthsOf, type AlertRuleFunction } from './context.ts';

/**
 * 资金执行滞后: the funds ratio more than `belowCompletionPoints` below the completion ratio (counted up to 100%:
 * a region past its target needs no more than its budget), or more than `belowTimeLinePoints` below the time
 * line. Yellow; red when both. Gaps are compared as shown (points to one decimal).
 */
export const fundsLagging: AlertRuleFunction = (context) => {
  const { period, settings } = context;
  const { belowCompletionPoints, belowTimeLinePoints } = settings.fundsLagging;
  return monthsOf(context).current.flatMap((row) => {
    if (row.fundsRatio === null || row.completionRatio === null) return [];
    const belowCompletion = percentNumber(Math.min(row.completionRatio, 1) - row.fundsRatio);
    const belowTimeLine = percentNumber(row.timeProgress - row.fundsRatio);
    const reasons = [
      ...(belowCompletion > belowCompletionPoints ? [`低于完成比例 ${grouped(belowCompletion, 1)} 个百分点`] : []),
      ...(belowTimeLine > belowTimeLinePoints ? [`低于时序进度 ${grouped(belowTimeLine, 1)} 个百分点`] : []),
    ];
    if (reasons.length === 0) return [];
    return [
      alertOf(row, period, 'funds-lagging', reasons.length === 2 ? 'red' : 'yellow', `资金执行率 ${formatPercent(row.fundsRatio)}，${reasons.join('，')}`, {
        fundsRatio: row.fundsRatio,
        completionRatio: row.completionRatio,
        belowCompletionPoints: belowCompletion,
        belowTimeLinePoints: belowTimeLine,
      }),
    ];
  });
};
