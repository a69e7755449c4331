import { describe, expect, test } from 'vitest';
import { fallingBack, moversOf } from './falling-back.ts';
import { contextOf } from './test-context.ts';

const row = (code: string, rank: number, rankChange: number | null, lag: number) => ({ code, rank, rankChange, lag, completionRatio: 0.4 + lag });

describe('falling-back', () => {
  test.each([
    [-3, 0.05, 0.05, 'dropped'], // lost 3 places (cities: 3)
    [-2, 0.05, 0.05, null],
    [0, 0.02, -0.03, 'newly behind'],
    [0, -0.02, -0.03, null], // behind already last month
    [-4, 0.01, -0.01, 'both'],
  ] as const)('rank change %i, lag %d → %d: %s', (change, before, now, expected) => {
    const alerts = fallingBack(contextOf([[row('A', 5, null, before)], [row('A', 5 - change, change, now)]]));
    expect(alerts.length).toBe(expected ? 1 : 0);
    if (expected === 'both') expect(alerts[0]!.message).toBe('名次较上月下降 4 位（第 5 名 → 第 9 名）；本月落后时序进度 1.0 个百分点（上月超时序进度 1.0 个百分点）');
  });

  test('January compares with nothing', () => {
    expect(fallingBack(contextOf([[row('A', 9, null, -0.2)]]))).toEqual([]);
  });

  test('counties need to lose ten places', () => {
    const counties = (change: number) => contextOf([[row('A', 20, null, 0.1)], [row('A', 20 - change, change, 0.1)]], { level: 'county' });
    expect(fallingBack(counties(-9))).toEqual([]);
    expect(fallingBack(counties(-10))).toHaveLength(1);
  });
});

describe('movers', () => {
  test('up most and down most, newly behind and recovered', () => {
    const before = [row('A', 1, null, 0.1), row('B', 2, null, -0.01), row('C', 3, null, 0.01), row('D', 4, null, -0.1)];
    const now = [row('B', 1, 1, 0.02), row('D', 2, 2, -0.05), row('A', 3, -2, 0.05), row('C', 4, -1, -0.02)];
    const movers = moversOf(contextOf([before, now]));
    expect(movers.up.map((m) => [m.regionCode, m.message])).toEqual([['D', '上升 2 位（第 4 名 → 第 2 名）'], ['B', '上升 1 位（第 2 名 → 第 1 名）']]);
    expect(movers.down.map((m) => m.regionCode)).toEqual(['A', 'C']);
    expect(movers.newlyBehind.map((m) => m.regionCode)).toEqual(['C']);
    expect(movers.recovered.map((m) => [m.regionCode, m.message])).toEqual([['B', '已赶上时序进度：超时序进度 2.0 个百分点']]);
  });

  test('January has none', () => {
    expect(moversOf(contextOf([[row('A', 1, null, 0.1)]]))).toEqual({ up: [], down: [], newlyBehind: [], recovered: [] });
  });
});
