import type { FreshnessRow } from '@dispatch/core';
import { describe, expect, test } from 'vitest';
import { arrivalMarks, arrivalText, arrivalTitle } from './arrival-marks.ts';

const county = (regionCode: string, arrived: boolean): FreshnessRow => ({
  regionCode, regionName: regionCode, level: 'county', parentCode: '430100', lastArrivedAt: arrived ? '2021-02-03T00:00:00Z' : null, countiesArrived: null, counties: null,
});
const city = (regionCode: string, countiesArrived: number, counties: number): FreshnessRow => ({
  regionCode, regionName: regionCode, level: 'city', parentCode: '430000', lastArrivedAt: countiesArrived ? '2021-02-03T00:00:00Z' : null, countiesArrived, counties,
});

describe('arrival marks', () => {
  test.each([
    ['a county not arrived', county('430102', false), { state: 'missing' }, '未报送'],
    ['a county arrived', county('430102', true), undefined, null],
    ['a city with none of its counties', city('430300', 0, 5), { state: 'missing' }, '未报送'],
    ['a city partly arrived', city('430100', 7, 9), { state: 'partial', arrived: 7, of: 9 }, '部分未报送'],
    ['a city whose counties all arrived', city('430100', 9, 9), undefined, null],
  ] as const)('%s', (_, row, mark, text) => {
    const marks = arrivalMarks({ regions: [row] });
    expect(marks.get(row.regionCode)).toEqual(mark);
    if (mark) expect(arrivalText(marks.get(row.regionCode)!)).toBe(text);
  });

  test('no freshness yet: no marks (the figures are shown as they are)', () => {
    expect(arrivalMarks(undefined).size).toBe(0);
  });

  test('the titles say what the figures are', () => {
    expect(arrivalTitle({ state: 'missing' })).toBe('本月数据未报送：所示数字不代表进展为零，不计名次');
    expect(arrivalTitle({ state: 'partial', arrived: 7, of: 9 })).toBe('9个县市区中2个未报送：所示为已报送县市区的数据');
  });
});
