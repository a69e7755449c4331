import { describe, expect, test } from 'vitest';
import { formatCount, formatDelta, formatMoney, formatPercent, formatPoints, formatWan, formatYuan, moneyParts, peopleAxisUnit } from './numbers.ts';

describe('numbers as officials read them', () => {
  test.each([
    [formatCount(1_388_300), '1,388,300'],
    [formatWan(1_388_300), '138.83'],
    [formatWan(1_226_000_007), '122,600.00'],
    [formatWan(5_000), '0.50'],
    [formatPercent(5 / 12), '41.7%'],
    [formatPercent(null), '—'],
    [formatPoints(-0.11547), '−11.5'],
    [formatPoints(0.207), '+20.7'],
    [formatPoints(-0.0004), '0.0'],
    [formatYuan(1359.5), '1,360'],
    [formatYuan(null), '—'],
    [formatDelta(1234), '+1,234'],
    [formatDelta(-56), '−56'],
    [formatDelta(0), '持平'],
    [formatDelta(-25_000, formatWan), '−2.50'],
  ])('%s is %s', (shown, expected) => {
    expect(shown).toBe(expected);
  });

  test.each([
    [1_226_000_007, '12.26亿元'], // the province's funds audited in 2020, not 122,600.00 万元
    [1_300_000_000, '13亿元'], // a budget: no ".00"
    [1_330_000_000, '13.30亿元'], // two decimals like every other amount; only a whole one drops them
    [43_215_000, '4,321.50万元'],
    [860, '860元'],
    [-330_000_000, '−3.30亿元'],
  ])('%i yuan is written %s', (yuan, expected) => {
    expect(formatMoney(yuan)).toBe(expected);
  });

  test('money in parts, for a figure and its unit', () => {
    expect(moneyParts(1_226_000_007)).toEqual({ value: '12.26', unit: '亿元' });
  });

  test('a chart axis of a few thousand people reads in 人次, of more in 万人次', () => {
    expect(peopleAxisUnit(3_000).unit).toBe('人次');
    expect(peopleAxisUnit(12_000)).toEqual({ unit: '万人次', divisor: 10_000, places: 2 });
  });
});
