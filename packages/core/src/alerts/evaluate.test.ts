import { describe, expect, test } from 'vitest';
import { DEFAULT_ALERT_SETTINGS } from './default-settings.ts';
import { alertsOfMonth, summarizeAlerts } from './evaluate.ts';
import { summonsCriteria } from './rule-labels.ts';
import { contextOf } from './test-context.ts';

/**
 * Two months of two cities and three counties (two of city C1), the province at 40% both months. Made so that:
 * C1 is a yellow behind-time city (lag −5); K1 a red behind-time county (lag −12, completion 4.7% < 0.75 × 40%);
 * K2 a yellow one (lag −2); C2 and K3 ahead of the time line.
 */
function year() {
  const timeLine = 2 / 12;
  const row = (code: string, parentCode: string, rank: number, lag: number) => ({
    code, parentCode, rank, rankChange: 0, lag, completionRatio: timeLine + lag, target: 1000, trainees: (timeLine + lag) * 1000, monthClassesOpened: 1,
  });
  const cities = [row('C1', '430000', 2, -0.05), row('C2', '430000', 1, 0.1)];
  const counties = [row('K1', 'C1', 3, -0.12), row('K2', 'C1', 2, -0.02), row('K3', 'C2', 1, 0.05)];
  return {
    city: contextOf([cities, cities], { province: [0.4, 0.4] }),
    county: contextOf([counties, counties], { province: [0.4, 0.4], level: 'county' }),
  };
}

describe('the month’s alerts of both levels in one list', () => {
  test('every red before any yellow; of one colour, the cities before the counties', () => {
    const alerts = alertsOfMonth(year()).filter((a) => a.rule === 'behind-time');
    expect(alerts.map((a) => [a.regionCode, a.severity])).toEqual([['K1', 'red'], ['C1', 'yellow'], ['K2', 'yellow']]);
  });

  test('a summary over a city counts, summons and moves the city and its counties only', () => {
    const summary = summarizeAlerts('2020-02', year(), { parent: 'C1' });
    const behind = summary.counts.filter((c) => c.rule === 'behind-time');
    expect(behind).toEqual([{ level: 'city', rule: 'behind-time', red: 0, yellow: 1 }, { level: 'county', rule: 'behind-time', red: 1, yellow: 1 }]);
    const whole = summarizeAlerts('2020-02', year());
    expect(whole.counts.filter((c) => c.rule === 'behind-time')).toEqual(behind); // C2 and K3 are ahead: nothing more
    expect(summarizeAlerts('2020-02', year(), { level: 'city' }).counts.filter((c) => c.level === 'county' && (c.red || c.yellow))).toEqual([]);
  });
});

test('the summons list says whom it takes, from the thresholds as set', () => {
  expect(summonsCriteria(DEFAULT_ALERT_SETTINGS)).toBe('市州后3位、县市区后10位，连续3个月以上');
  expect(summonsCriteria({ ...DEFAULT_ALERT_SETTINGS, persistentBottom: { cities: 1, counties: 5, months: 6 } })).toBe('市州后1位、县市区后5位，连续6个月以上');
});
