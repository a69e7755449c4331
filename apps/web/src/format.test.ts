import { expect, test } from 'vitest';
import { formatCell, formatDelta, formatPercent, formatPeriodLabel, formatPoints, formatWan, formatYuan, lagLevel } from './format.ts';

test.each([
  [1_388_300, '138.83'],
  [1_226_000_000, '122,600.00'],
  [0, '0.00'],
])('%i shows as %s 万', (value, expected) => {
  expect(formatWan(value)).toBe(expected);
});

test.each([
  [0.41666, '41.7%'],
  [1.2066, '120.7%'],
  [0, '0.0%'],
  [null, '—'],
])('ratio %s shows as %s', (ratio, expected) => {
  expect(formatPercent(ratio)).toBe(expected);
});

test.each([
  [-0.0827, '−8.3'],
  [0.2066, '+20.7'],
  [null, '—'],
])('lag %s shows as %s points', (lag, expected) => {
  expect(formatPoints(lag)).toBe(expected);
});

test('yuan are whole and grouped', () => {
  expect(formatYuan(1358.9998)).toBe('1,359');
  expect(formatYuan(null)).toBe('—');
});

test.each([
  ['2020-05', '2020年1—5月'],
  ['2020-01', '2020年1月'],
])('period %s reads %s', (period, expected) => {
  expect(formatPeriodLabel(period)).toBe(expected);
});

test.each([
  [0.01, 'ahead'],
  [0, 'ahead'],
  [-0.0001, 'behind'],
  [-0.1, 'far-behind'],
  [-0.25, 'far-behind'],
  [null, 'none'],
] as const)('lag %s is %s', (lag, expected) => {
  expect(lagLevel(lag)).toBe(expected);
});

test.each([
  ['wan', 1_388_300, '138.83'],
  ['percent', 0.4167, '41.7%'],
  ['points', -0.0827, '−8.3'],
  ['yuan', 1359.4, '1,359'],
  ['change', 2, '↑2'],
  ['change', -3, '↓3'],
  ['change', 0, '持平'],
  ['count', 25888, '25,888'],
  ['name', '长沙市', '长沙市'],
  ['percent', null, '—'],
] as const)('a %s cell with %s shows %s', (format, value, expected) => {
  expect(formatCell(format, value)).toBe(expected);
});

test.each([
  [1234, '+1,234'],
  [-56, '−56'],
  [0, '持平'],
])('delta %i reads %s', (value, expected) => {
  expect(formatDelta(value)).toBe(expected);
});
