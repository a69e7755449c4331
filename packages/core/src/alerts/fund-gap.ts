import { formatCount, formatMoney, formatYuan } from '../display/numbers.ts';
import { fundPosition } from '../funds/fund-position.ts';
import { alertOf, monthsOf, type AlertRuleFunction } from './context.ts';

/**
 * 资金缺口: what the rest of the target would cost exceeds the budget the region has left — it needs money moved
 * to it (资金调剂). Priced by `fundPosition`, the same calculation as the /funds table and the reallocation
 * suggestion (why per person trained, and the province's rate as a fallback: see there). Yellow; red when the
 * need is more than twice what is left. Amounts in whole yuan.
 */
export const fundGap: AlertRuleFunction = (context) => {
  const { period } = context;
  const province = context.province[period.month - 1];
  return monthsOf(context).current.flatMap((row) => {
    const position = fundPosition(row, province);
    const { remainingTarget, costPerTrainee, projectedNeed: need, gap } = position;
    if (gap === 0 || remainingTarget === 0 || costPerTrainee === null) return [];
    const left = Math.max(0, position.unspent);
    const basis = position.costBasis === 'province' ? '全省已结业人均资金' : '已结业人均资金';
    return [
      alertOf(
        row,
        period,
        'fund-gap',
        need > 2 * left ? 'red' : 'yellow',
        `完成剩余目标 ${formatCount(remainingTarget)} 人，按${basis} ${formatYuan(costPerTrainee)} 元约需 ${formatMoney(need)}，剩余预算 ${formatMoney(position.unspent)}，缺口 ${formatMoney(gap)}`,
        { remainingTarget, fundsPerTrainee: costPerTrainee, need, budgetLeft: position.unspent, gap },
      ),
    ];
  });
};
