import { lagPhrase } from '../display/wording.ts';
import { percentNumber } from '../display/numbers.ts';
import { alertOf, monthsOf, type AlertRuleFunction } from './context.ts';
import { lagLevel } from './lag-level.ts';

/** 停滞: no class opened in the month while behind the time line; red when far behind. */
export const stalled: AlertRuleFunction = (context) => {
  const { period, settings } = context;
  return monthsOf(context).current.flatMap((row) => {
    const level = lagLevel(row.lag, { redPoints: settings.behindTime.redPoints });
    if (row.month.classesOpened > 0 || (level !== 'behind' && level !== 'far-behind')) return [];
    return [
      alertOf(row, period, 'stalled', level === 'far-behind' ? 'red' : 'yellow', `本月未开班，${lagPhrase(row.lag)}`, {
        classesOpened: 0,
        lagPoints: percentNumber(row.lag!),
      }),
    ];
  });
};
