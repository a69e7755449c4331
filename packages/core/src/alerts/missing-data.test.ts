import { describe, expect, test } from 'vitest';
import type { AlertRule } from '../contract/alerts.ts';
import type { DataArrivals } from './context.ts';
import { evaluateAlerts, RULES } from './evaluate.ts';
import { moversOf } from './falling-back.ts';
import { contextOf } from './test-context.ts';

/**
 * 一个未报送的月份不是零进度: March 2020 of two cities, A ahead, X behind and last — X's rows as a month that has not
 * arrived reads (no class opened, behind the time line, funds idle, last), so that every progress rule fires for X
 * when its data is there, and none of them when it is not.
 */
const X = (lag: number) => ({
  code: 'X', rank: 2, rankChange: 0, lag, completionRatio: 0.1, fundsRatio: 0, target: 10_000, trainees: 1_000,
  fundsAudited: 1_500_000, fundsBudget: 10_000_000,
});
const A = { code: 'A', rank: 1, rankChange: 0, lag: 0.05, completionRatio: 0.3 };
const settings = {
  behindTime: { redPoints: -10, redShareOfProvince: 0.75 },
  persistentBottom: { cities: 1, counties: 10, months: 3 },
  fallingBack: { cityPlaces: 3, countyPlaces: 10 },
  fundsLagging: { belowCompletionPoints: 15, belowTimeLinePoints: 20 },
};

/** X's arrival per month, [arrived, of] (of 9 counties, a city); A always arrived. `null`: nobody loads data. */
type XArrivals = readonly (readonly [number, number])[] | null;
function march(x: XArrivals) {
  const context = contextOf([[A, X(0.05)], [A, X(0.05)], [A, X(-0.15)]], { province: [0.3, 0.3, 0.3], settings });
  if (!x) return context;
  const arrivals: DataArrivals = {
    months: x.map(([arrived, of]) => new Map([['A', { arrived: 9, of: 9 }], ['X', { arrived, of }]])),
    latest: { year: 2020, month: 3 },
  };
  return { ...context, arrivals };
}
const ALL: XArrivals = [[9, 9], [9, 9], [9, 9]];
const NONE_IN_MARCH: XArrivals = [[9, 9], [9, 9], [0, 9]];
const NONE_IN_FEBRUARY: XArrivals = [[9, 9], [0, 9], [9, 9]];

const PROGRESS_RULES = (Object.keys(RULES) as AlertRule[]).filter((rule) => rule !== 'no-data');
const firesForX = (rule: AlertRule, x: XArrivals) => RULES[rule](march(x)).some((a) => a.regionCode === 'X');

describe('a region whose month has not arrived is judged by no rule but no-data', () => {
  test('every progress rule is covered', () => {
    expect(PROGRESS_RULES.sort()).toEqual(['behind-time', 'fund-gap', 'funds-lagging', 'falling-back', 'persistent-bottom', 'stalled'].sort());
  });

  // Per rule: does it fire for X without arrivals, with every month arrived, with March missing, with February missing?
  test.each([
    ['behind-time', true, true, false, true],
    ['stalled', true, true, false, true],
    ['funds-lagging', true, true, false, true],
    ['fund-gap', true, true, false, true],
    // last month did not arrive: there is no last month to have fallen back from
    ['falling-back', true, true, false, false],
    // an unknown month is not a month in the bottom: it breaks the streak
    ['persistent-bottom', true, true, false, false],
  ] as const)('%s: without arrivals %s, all arrived %s, March missing %s, February missing %s', (rule, none, all, march_, february) => {
    expect([firesForX(rule, null), firesForX(rule, ALL), firesForX(rule, NONE_IN_MARCH), firesForX(rule, NONE_IN_FEBRUARY)]).toEqual([none, all, march_, february]);
  });

  test('the month’s alerts for a region that has not reported: only 数据未报送', () => {
    const rules = (x: XArrivals) => evaluateAlerts(march(x)).filter((a) => a.regionCode === 'X').map((a) => a.rule);
    expect(rules(NONE_IN_MARCH)).toEqual(['no-data']);
    expect(rules(ALL).sort()).toEqual([...PROGRESS_RULES].sort());
  });

  test('a city whose counties partly arrived keeps its alerts, each saying so, beside its no-data alert', () => {
    const alerts = evaluateAlerts(march([[9, 9], [9, 9], [7, 9]])).filter((a) => a.regionCode === 'X');
    expect(alerts.map((a) => a.rule).sort()).toEqual([...PROGRESS_RULES, 'no-data'].sort());
    const stalled = alerts.find((a) => a.rule === 'stalled')!;
    expect(stalled.message).toBe('本月未开班，落后时序进度 15.0 个百分点（9个县市区中2个未报送，按已报送数据）');
    expect(stalled.facts).toMatchObject({ countiesArrived: 7, counties: 9 });
    expect(alerts.find((a) => a.rule === 'no-data')!.message).toBe('2020年3月数据尚未报送齐：9个县市区中2个未报送');
  });

  test('a region that has not reported is not last: the bottom is among those that have', () => {
    // Z ranks below X in every month but has not reported in any: X is the bottom one, three months running.
    const Z = { code: 'Z', rank: 3, rankChange: 0, lag: -0.2, completionRatio: 0 };
    const rows = [A, { ...X(0.05), rank: 2 }, Z];
    const context = contextOf([rows, rows, rows], { settings });
    const month = new Map([['A', { arrived: 9, of: 9 }], ['X', { arrived: 9, of: 9 }], ['Z', { arrived: 0, of: 9 }]]);
    const alerts = RULES['persistent-bottom']({ ...context, arrivals: { months: [month, month, month], latest: { year: 2020, month: 3 } } });
    expect(alerts.map((a) => a.regionCode)).toEqual(['X']);
    expect(RULES['persistent-bottom'](context).map((a) => a.regionCode)).toEqual(['Z']); // without arrivals Z is simply last
  });

  test('the meeting’s movers leave out a region that has not reported in either month', () => {
    const context = march(NONE_IN_MARCH);
    expect(moversOf(march(ALL)).newlyBehind.map((m) => m.regionCode)).toEqual(['X']);
    expect(moversOf(context).newlyBehind).toEqual([]);
    expect(moversOf(march(NONE_IN_FEBRUARY)).newlyBehind).toEqual([]);
  });
});
