import { expect, test } from 'vitest';
import { fundsLagging } from './funds-lagging.ts';
import { contextOf } from './test-context.ts';

// June: the time line is 50%.
const june = (completionRatio: number, fundsRatio: number | null) =>
  contextOf([[], [], [], [], [], [{ code: '430102', completionRatio, fundsRatio, lag: completionRatio - 0.5 }]]);

test.each([
  [0.5, 0.36, null], // 14 below completion, 14 below the time line
  [0.5, 0.349, 'yellow'], // 15.1 below completion
  [0.5, 0.35, null], // exactly 15.0: not more than 15
  [0.3, 0.29, 'yellow'], // 21 below the time line
  [0.6, 0.25, 'red'], // both
  [1.3, 0.9, null], // past the target: counted up to 100%, so 10 below, not 40; and above the time line
  [1.3, 0.8, 'yellow'], // 20 below 100%
  [0.5, null, null], // no budget
] as const)('completion %d, funds %d → %s', (completion, funds, severity) => {
  expect(fundsLagging(june(completion, funds)).map((a) => a.severity)).toEqual(severity ? [severity] : []);
});

test('the message gives the funds ratio and each gap', () => {
  expect(fundsLagging(june(0.6, 0.25))[0]!.message).toBe('资金执行率 25.0%，低于完成比例 35.0 个百分点，低于时序进度 25.0 个百分点');
});
