import type { FundRow } from '@dispatch/core';
import { expect, test } from 'vitest';
import { roundTotals, sortFundRows, wanToYuan, yuanToWan } from './funds-table.ts';

const row = (regionCode: string, gap: number, fundsRatio: number | null = null) => ({ regionCode, gap, fundsRatio }) as FundRow;

test('rows sort by a column either way, ties by code; a missing ratio sorts as the least', () => {
  const rows = [row('430102', 5), row('430103', 9), row('430104', 5)];
  expect(sortFundRows(rows, { key: 'gap', order: 'desc' }).map((r) => r.regionCode)).toEqual(['430103', '430102', '430104']);
  expect(sortFundRows(rows, { key: 'gap', order: 'asc' }).map((r) => r.regionCode)).toEqual(['430102', '430104', '430103']);
  const ratios = [row('430102', 0, 0.5), row('430103', 0, null), row('430104', 0, 0.2)];
  expect(sortFundRows(ratios, { key: 'fundsRatio', order: 'desc' }).map((r) => r.regionCode)).toEqual(['430102', '430104', '430103']);
  expect(sortFundRows(rows, { key: 'name', order: 'desc' }).map((r) => r.regionCode)).toEqual(['430104', '430103', '430102']);
});

test.each([
  ['12.5', 125_000],
  ['－３', -30_000],
  ['−3', -30_000],
  [' 0.0001 ', 1],
  ['1e3', null],
  ['', null],
  ['1.23456', null],
])('%s 万元 is %s yuan', (text, yuan) => {
  expect(wanToYuan(text)).toBe(yuan);
});

test('yuan read back as the 万元 typed', () => {
  expect(yuanToWan(1_234_500)).toBe('123.45');
  expect(yuanToWan(-500_000)).toBe('-50');
});

test('a round’s totals: received, given and the net drawn from the pool', () => {
  expect(roundTotals([500_000, -200_000, 100_000])).toEqual({ received: 600_000, given: 200_000, net: 400_000 });
  expect(roundTotals([])).toEqual({ received: 0, given: 0, net: 0 });
});
