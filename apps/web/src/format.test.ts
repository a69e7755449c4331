import { describe, expect, test } from 'vitest';
import { formatBeijingTime, formatCell, formatDelta, formatPercent, formatPeriodLabel, formatPoints, formatWan, formatYuan, lagLevel, withFieldLabels } from './format.ts';

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

describe('times and messages', () => {
  test.each([
    ['2026-11-25T22:30:01.123Z', '2026-11-26 06:30:01'],
    ['2020-12-31T15:59:59.000Z', '2020-12-31 23:59:59'],
    ['2020-12-31T16:00:00.000Z', '2021-01-01 00:00:00'],
  ])('%s is %s in Beijing', (iso, shown) => {
    expect(formatBeijingTime(iso)).toBe(shown);
  });

  test('field names in a server message become the form’s labels; unknown ones stay', () => {
    expect(withFieldLabels('参数 currentPassword：当前密码不正确；参数 x：坏', { currentPassword: '当前密码' })).toBe('当前密码：当前密码不正确；参数 x：坏');
  });
});
