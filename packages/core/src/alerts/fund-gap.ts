import { formatCount, formatMoney, formatYuan } from '../display/numbers.ts';
import { roundHalfAway } from '../display/round.ts';
import { alertOf, monthsOf, type AlertRuleFunction } from './context.ts';

/**
 * 资金缺口: what the rest of the target would cost at the region's own subsidy per person trained exceeds the
 * budget it has left — it needs money moved to it (资金调剂). The cost per person is funds audited ÷ trainees, not
 * the 人均补贴 per subsidised person: not every trainee is paid from the special account (about 0.9 million of
 * 1.39 million in 2020), and pricing every remaining trainee at the subsidised rate would find a gap almost
 * everywhere. Yellow; red when the need is more than twice what is left. Amounts in whole yuan.
 */
export const fundGap: AlertRuleFunction = (context) => {
  const { period } = context;
  return monthsOf(context).current.flatMap((row) => {
    const remainingTarget = Math.max(0, row.target - row.trainees);
    if (remainingTarget === 0 || row.trainees === 0 || row.fundsAudited === 0) return [];
    const perTrainee = row.fundsAudited / row.trainees;
    const need = roundHalfAway(remainingTarget * perTrainee);
    const left = Math.max(0, row.fundsBudget - row.fundsAudited);
    if (need <= left) return [];
    return [
      alertOf(
        row,
        period,
        'fund-gap',
        need > 2 * left ? 'red' : 'yellow',
        `完成剩余目标 ${formatCount(remainingTarget)} 人，按已结业人均资金 ${formatYuan(perTrainee)} 元约需 ${formatMoney(need)}，剩余预算 ${formatMoney(left)}，缺口 ${formatMoney(need - left)}`,
        { remainingTarget, fundsPerTrainee: perTrainee, need, budgetLeft: left, gap: need - left },
      ),
    ];
  });
};
