import { expect, test } from 'vitest';
import { lagLevel } from './lag-level.ts';

test.each([
  [0.05, 'ahead'],
  [0, 'ahead'],
  [-0.0004, 'ahead'], // shows 0.0: not tagged behind beside a number that says it is not
  [-0.0005, 'behind'], // shows −0.1
  [-0.0996, 'far-behind'], // shows −10.0: red at −10 points as shown
  [-0.0994, 'behind'], // shows −9.9
  [null, 'none'],
] as const)('a lag of %s is %s', (lag, level) => {
  expect(lagLevel(lag)).toBe(level);
});
