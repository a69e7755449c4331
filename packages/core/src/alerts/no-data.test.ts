import { describe, expect, test } from 'vitest';
import type { DataArrivals } from './context.ts';
import { noData } from './no-data.ts';
import { contextOf } from './test-context.ts';

type Counts = Record<string, [arrived: number, of: number]>;
const arrivals = (months: Counts[], latest: string | null): DataArrivals => ({
  months: months.map((m) => new Map(Object.entries(m).map(([code, [arrived, of]]) => [code, { arrived, of }]))),
  latest: latest === null ? null : { year: Number(latest.slice(0, 4)), month: Number(latest.slice(5)) },
});

/** May 2020 evaluated, with 宁乡 (a county) and 长沙 (its city) as the month's rows. */
const may = (level: 'city' | 'county', counts: Counts, latest: string | null) => {
  const context = contextOf([[], [], [], [], [{ code: level === 'county' ? '430182' : '430100' }]], { level });
  return noData({ ...context, arrivals: arrivals([{}, {}, {}, {}, counts], latest) });
};

describe('no-data', () => {
  test.each([
    ['a county with nothing for the month', 'county', { '430182': [0, 1] }, '2020-06', ['2020年5月数据尚未报送']],
    ['a county whose month arrived', 'county', { '430182': [1, 1] }, '2020-06', []],
    ['a county in the latest month with data', 'county', { '430182': [0, 1] }, '2020-05', ['2020年5月数据尚未报送']],
    ['a month after the latest with any data is not late yet', 'county', { '430182': [0, 1] }, '2020-04', []],
    ['no data anywhere at all: nothing is late', 'county', { '430182': [0, 1] }, null, []],
    ['a city with some counties missing', 'city', { '430100': [7, 9] }, '2020-06', ['2020年5月数据尚未报送齐：9个县市区中2个未报送']],
    ['a city with none of its counties', 'city', { '430100': [0, 9] }, '2020-06', ['2020年5月数据尚未报送齐：9个县市区中9个未报送']],
    ['a city whose counties all arrived', 'city', { '430100': [9, 9] }, '2020-06', []],
    ['a region the arrivals do not know', 'county', {}, '2020-06', []],
    ['a later year’s data makes an earlier month late', 'county', { '430182': [0, 1] }, '2021-02', ['2020年5月数据尚未报送']],
  ] as const)('%s', (_, level, counts, latest, messages) => {
    const alerts = may(level, counts as Counts, latest);
    expect(alerts.map((a) => a.message)).toEqual(messages);
    for (const alert of alerts) expect(alert).toMatchObject({ rule: 'no-data', severity: 'yellow', period: '2020-05' });
  });

  test('without arrivals (nobody loads data) the rule is silent', () => {
    expect(noData(contextOf([[{ code: '430182' }]], { level: 'county' }))).toEqual([]);
  });

  test('the facts say how many counties arrived', () => {
    expect(may('city', { '430100': [7, 9] }, '2020-06')[0]!.facts).toEqual({ countiesArrived: 7, counties: 9 });
  });
});
