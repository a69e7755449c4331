import { describe, expect, test } from 'vitest';
import { behindTime } from './behind-time.ts';
import { contextOf } from './test-context.ts';

/** A region in May (time line 5/12) with a target of 12,000 and `trainees` so far. */
const may = (code: string, trainees: number) => ({
  code, target: 12_000, trainees, completionRatio: trainees / 12_000, lag: trainees / 12_000 - 5 / 12, catchUpPerMonth: Math.ceil((12_000 - trainees) / 7),
});
const inMay = (rows: ReturnType<typeof may>[], provinceRatio: number) => contextOf([[], [], [], [], rows], { province: [null, null, null, null, provinceRatio] });

describe('behind-time', () => {
  test.each([
    // trainees, province completion → severity (or none)
    [5_000, 0.4, null], // exactly on the time line
    [4_996, 0.4, null], // −0.03 points shows 0.0: not behind
    [4_990, 0.4, 'yellow'], // −0.08 points shows −0.1
    [3_800, 0.4, 'yellow'], // −10.0 points: far behind, but 31.7% is not below three quarters of 40%
    [3_500, 0.4, 'red'], // −12.5 points and 29.2% < 30%
    [3_500, 0.38, 'yellow'], // the same county when the province is at 38%: 29.2% ≥ 28.5%
  ] as const)('%i people in May, province at %d → %s', (trainees, province, severity) => {
    const alerts = behindTime(inMay([may('430102', trainees)], province));
    expect(alerts.map((a) => a.severity)).toEqual(severity ? [severity] : []);
  });

  test('the message says how far behind, how many people short, and the pace to reach the target', () => {
    const [alert] = behindTime(inMay([may('430102', 3_500)], 0.4));
    expect(alert).toMatchObject({
      regionCode: '430102', period: '2020-05', rule: 'behind-time',
      message: '落后时序进度 12.5 个百分点，距时序进度还差 1,500 人，完成比例 29.2% 不到全省（40.0%）的 75%，须月均结业 1,215 人方能完成全年目标',
      facts: { lagPoints: -12.5, toTimeLine: 1_500, catchUpPerMonth: 1_215 },
    });
  });

  test('COVID spring: when nearly everyone is far behind, red is only for those also far below the province', () => {
    // February (time line 16.7%): 10 regions, all more than ten points behind; the province at 4%.
    const rows = [0.0, 0.01, 0.02, 0.025, 0.035, 0.04, 0.045, 0.05, 0.055, 0.06].map((ratio, i) => ({
      code: `4301${String(i).padStart(2, '0')}`, target: 10_000, trainees: ratio * 10_000, completionRatio: ratio, lag: ratio - 2 / 12,
    }));
    const alerts = behindTime(contextOf([[], rows], { province: [null, 0.04] }));
    expect(alerts).toHaveLength(10);
    // Three quarters of the province's 4% is 3%: four of the ten are below it.
    expect(alerts.filter((a) => a.severity === 'red').map((a) => a.regionCode)).toEqual(['430100', '430101', '430102', '430103']);
  });

  test('no target, no alert', () => {
    const noTarget = { code: '430102', target: 0, trainees: 0, completionRatio: null, lag: null, catchUpPerMonth: null };
    expect(behindTime(contextOf([[], [], [], [], [noTarget]], { province: [null, null, null, null, 0.4] }))).toEqual([]);
  });
});
