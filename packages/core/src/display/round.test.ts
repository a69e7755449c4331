import { describe, expect, test } from 'vitest';
import { roundFraction } from '../testing/exact-round.ts';
import { roundHalfAway } from './round.ts';

describe('roundHalfAway: the one rounding, half away from zero, from the exact value', () => {
  test.each([
    [-11.547, 1, -11.5], // 湘潭 2020年1—6月: the screen once showed −11.6, the Excel file −11.5
    [0.0115 * 100, 1, 1.2], // 1.1499999999999999 in floating point; exactly 1.15
    [1.005 * 100, 0, 101], // 100.49999999999999; exactly 100.5
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [-0.05, 1, -0.1],
    [-0.04, 1, 0], // never "−0.0"
    [122_600.0007, 2, 122_600],
    [1359.4999, 0, 1359],
  ])('%d to %i places is %d', (value, places, expected) => {
    expect(Object.is(roundHalfAway(value, places), expected)).toBe(true);
  });

  test('agrees with exact fractions for every lag a region of up to 2,000 target people can have in May', () => {
    // lag in points = (trainees / target − 5/12) × 100 = (1200 × trainees − 500 × target) / (12 × target)
    for (let target = 1; target <= 2_000; target += 7) {
      for (let trainees = 0; trainees <= target; trainees += 3) {
        const expected = roundFraction(1200 * trainees - 500 * target, 12 * target, 1);
        const shown = roundHalfAway((trainees / target - 5 / 12) * 100, 1);
        expect(shown.toFixed(1).replace(/^-0\.0$/, '0.0')).toBe(expected);
      }
    }
  });
});
