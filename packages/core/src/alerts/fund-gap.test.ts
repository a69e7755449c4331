import { expect, test } from 'vitest';
import { fundGap } from './fund-gap.ts';
import { contextOf } from './test-context.ts';

/** A county with a target of 10,000 people and a budget of 10,000,000 yuan. */
const county = (trainees: number, fundsAudited: number, fundsBudget = 10_000_000) =>
  contextOf([[{ code: '430102', target: 10_000, trainees, fundsAudited, fundsBudget }]]);

test.each([
  // 4,000 done for 4,000,000 (1,000 a head); 6,000 left need 6,000,000; 6,000,000 left: no gap
  [4_000, 4_000_000, 10_000_000, null],
  // 4,000 done for 6,000,000 (1,500 a head): 6,000 left need 9,000,000; 4,000,000 left → gap, more than twice → red
  [4_000, 6_000_000, 10_000_000, 'red'],
  // 5,000 done for 6,000,000 (1,200): 5,000 left need 6,000,000; 4,000,000 left → yellow
  [5_000, 6_000_000, 10_000_000, 'yellow'],
  [10_000, 9_000_000, 10_000_000, null], // target reached
  [0, 0, 10_000_000, null], // nothing done yet: no cost per person to go by
] as const)('%i trained for %i yuan of a %i budget → %s', (trainees, funds, budget, severity) => {
  expect(fundGap(county(trainees, funds, budget)).map((a) => a.severity)).toEqual(severity ? [severity] : []);
});

test('the message prices the rest of the target and names the gap', () => {
  const [alert] = fundGap(county(5_000, 6_000_000));
  expect(alert!.message).toBe('完成剩余目标 5,000 人，按已结业人均资金 1,200 元约需 600万元，剩余预算 400万元，缺口 200万元');
  expect(alert!.facts).toMatchObject({ need: 6_000_000, budgetLeft: 4_000_000, gap: 2_000_000 });
});

test('a region with nothing trained yet is priced at the province’s funds per person trained, as /funds prices it', () => {
  const context = contextOf([[{ code: '430102', target: 10_000, fundsBudget: 5_000_000 }]]);
  const province = { ...context.province[0]!, trainees: 1_000, fundsAudited: 900_000 };
  const [alert] = fundGap({ ...context, province: [province] });
  expect(alert!.message).toBe('完成剩余目标 10,000 人，按全省已结业人均资金 900 元约需 900万元，剩余预算 500万元，缺口 400万元');
  expect(alert!.severity).toBe('yellow');
});
