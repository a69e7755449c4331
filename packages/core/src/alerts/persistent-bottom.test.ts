import { describe, expect, test } from 'vitest';
import { persistentBottom } from './persistent-bottom.ts';
import { contextOf } from './test-context.ts';

/** Five cities ranked in the order given (worst last); all with a target. */
const month = (...codes: string[]) => codes.map((code, i) => ({ code, rank: i + 1, completionRatio: 0.5 - i / 100 }));
const settings = (cities: number, months: number) => ({
  behindTime: { redPoints: -10, redShareOfProvince: 0.75 },
  persistentBottom: { cities, counties: 10, months },
  fallingBack: { cityPlaces: 3, countyPlaces: 10 },
  fundsLagging: { belowCompletionPoints: 15, belowTimeLinePoints: 20 },
});

describe('persistent-bottom', () => {
  test('enters in the month its streak reaches K, says how many months, and leaves the month it climbs out', () => {
    const eLast = month('A', 'B', 'C', 'D', 'E');
    const dLast = month('A', 'B', 'C', 'E', 'D');
    const year = [eLast, eLast, eLast, dLast, dLast, dLast];
    const codes = (months: number) => persistentBottom(contextOf(year.slice(0, months), { settings: settings(1, 3) })).map((x) => x.regionCode);
    expect(codes(2)).toEqual([]); // two months: not yet
    expect(codes(3)).toEqual(['E']);
    expect(codes(4)).toEqual([]); // E climbed out; D has one month
    expect(codes(6)).toEqual(['D']);
    const [e] = persistentBottom(contextOf(year.slice(0, 3), { settings: settings(1, 3) }));
    expect(e).toMatchObject({ severity: 'red', message: '连续3个月排名全省市州后1位（本月第 5 名）', facts: { months: 3, bottom: 1, rank: 5 } });
  });

  test('the bottom two: both named, each with its own streak', () => {
    const year = [month('A', 'B', 'C', 'D', 'E'), month('A', 'B', 'C', 'D', 'E'), month('A', 'B', 'D', 'C', 'E'), month('A', 'B', 'D', 'E', 'C')];
    expect(persistentBottom(contextOf(year, { settings: settings(2, 3) })).map((x) => [x.regionCode, x.facts.months])).toEqual([['E', 4]]);
    expect(persistentBottom(contextOf([...year, year[3]!], { settings: settings(2, 3) })).map((x) => [x.regionCode, x.facts.months])).toEqual([['E', 5], ['C', 3]]);
  });

  test('at the boundary of the bottom N the ranking’s tie-break decides: ranks are distinct', () => {
    // C and D have the same completion; the engine ranked D last by funds ratio or code: D is in the bottom one.
    const tie = [{ code: 'A', rank: 1, completionRatio: 0.5 }, { code: 'C', rank: 2, completionRatio: 0.3 }, { code: 'D', rank: 3, completionRatio: 0.3 }];
    expect(persistentBottom(contextOf([tie, tie, tie], { settings: settings(1, 3) })).map((x) => x.regionCode)).toEqual(['D']);
  });

  test('a region without a target is not counted in the bottom; the bottom is among those ranked', () => {
    const rows = [...month('A', 'B', 'C'), { code: 'Z', rank: 4, completionRatio: null }];
    expect(persistentBottom(contextOf([rows, rows, rows], { settings: settings(1, 3) })).map((x) => x.regionCode)).toEqual(['C']);
  });

  test('a month without data breaks the streak', () => {
    const rows = month('A', 'B', 'C');
    expect(persistentBottom(contextOf([rows, [], rows, rows], { settings: settings(1, 3) }))).toEqual([]);
  });

  test('counties are counted among the counties, with their own N', () => {
    const counties = Array.from({ length: 12 }, (_, i) => ({ code: `43010${i}`, rank: i + 1, completionRatio: 0.5 - i / 100, level: 'county' as const }));
    const alerts = persistentBottom(contextOf([counties, counties, counties], { level: 'county' }));
    expect(alerts).toHaveLength(10);
    expect(alerts[0]!.message).toBe('连续3个月排名全省县市区后10位（本月第 3 名）');
  });
});
