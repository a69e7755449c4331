import type { Alert } from '../contract/alerts.ts';
import { formatCount, formatMoney, formatPercent, formatYuan, grouped } from '../display/numbers.ts';

type Format = 'ratio' | 'points' | 'people' | 'money' | 'yuan' | 'rank' | 'months' | 'places' | 'classes' | 'counties' | 'yes-no';

/** Each fact the rules record (packages/core/src/alerts/*.ts), its name and how it reads. */
const FACTS: Record<string, [label: string, format: Format]> = {
  lagPoints: ['较时序进度', 'points'],
  completionRatio: ['完成比例', 'ratio'],
  provinceCompletionRatio: ['全省完成比例', 'ratio'],
  toTimeLine: ['距时序进度', 'people'],
  catchUpPerMonth: ['每月需完成', 'people'],
  months: ['连续靠后', 'months'],
  bottom: ['靠后范围', 'places'],
  rank: ['本月名次', 'rank'],
  classesOpened: ['当月开班', 'classes'],
  rankChange: ['名次变化', 'rank'],
  newlyBehind: ['本月新落后', 'yes-no'],
  fundsRatio: ['资金执行率', 'ratio'],
  belowCompletionPoints: ['低于完成比例', 'points'],
  belowTimeLinePoints: ['低于时序进度', 'points'],
  remainingTarget: ['剩余目标', 'people'],
  fundsPerTrainee: ['已结业人均资金', 'yuan'],
  need: ['约需资金', 'money'],
  budgetLeft: ['剩余预算', 'money'],
  gap: ['资金缺口', 'money'],
  countiesArrived: ['已报送县市区', 'counties'],
  counties: ['县市区总数', 'counties'],
};

function factText(key: string, format: Format, value: number): string {
  switch (format) {
    case 'ratio': return formatPercent(value);
    // points are recorded already rounded to one decimal by the rule that wrote them
    case 'points': return `${grouped(value, 1)} 个百分点`;
    case 'people': return `${formatCount(value)} 人`;
    case 'money': return formatMoney(value);
    case 'yuan': return `${formatYuan(value)} 元`;
    case 'rank': return key === 'rankChange' ? `${value > 0 ? '上升' : value < 0 ? '下降' : '持平'}${value === 0 ? '' : ` ${Math.abs(value)} 位`}` : `第 ${value} 名`;
    case 'months': return `${value} 个月`;
    case 'places': return `后 ${value} 位`;
    case 'classes': return `${formatCount(value)} 个班`;
    case 'counties': return `${formatCount(value)} 个`;
    case 'yes-no': return value ? '是' : '否';
  }
}

/** An alert's numbers as a cited action shows them: 「较时序进度：−11.5 个百分点」; unknown keys as they are. */
export function describeAlertFacts(facts: Alert['facts']): { label: string; text: string }[] {
  return Object.entries(facts).flatMap(([key, value]) => {
    if (value === null) return [];
    const fact = FACTS[key];
    if (!fact || typeof value !== 'number') return [{ label: fact?.[0] ?? key, text: String(value) }];
    return [{ label: fact[0], text: factText(key, fact[1], value) }];
  });
}
