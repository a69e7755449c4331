import { expect, test } from 'vitest';
import { describeAlertFacts } from './alert-facts.ts';

test('a cited alert’s numbers read in words and units', () => {
  expect(describeAlertFacts({ months: 3, bottom: 10, rank: 118 })).toEqual([
    { label: '连续靠后', text: '3 个月' },
    { label: '靠后范围', text: '后 10 位' },
    { label: '本月名次', text: '第 118 名' },
  ]);
  expect(describeAlertFacts({ lagPoints: -11.5, completionRatio: 0.38453, toTimeLine: 2345.4, catchUpPerMonth: null })).toEqual([
    { label: '较时序进度', text: '−11.5 个百分点' },
    { label: '完成比例', text: '38.5%' },
    { label: '距时序进度', text: '2,345 人' },
  ]);
  expect(describeAlertFacts({ gap: 12_345_678, fundsPerTrainee: 1359.4, rankChange: -12, odd: 'x' })).toEqual([
    { label: '资金缺口', text: '1,234.57万元' },
    { label: '已结业人均资金', text: '1,359 元' },
    { label: '名次变化', text: '下降 12 位' },
    { label: 'odd', text: 'x' },
  ]);
  expect(describeAlertFacts({ countiesArrived: 7, counties: 9 })).toEqual([
    { label: '已报送县市区', text: '7 个' },
    { label: '县市区总数', text: '9 个' },
  ]);
});
