import { describe, expect, test } from 'vitest';
import { landingPath, loginPath, safeReturnPath } from './return-path.ts';

describe('returning after sign-in', () => {
  test.each([
    ['/rankings?level=county', '/rankings?level=county'],
    ['/city/430200?period=2020-05', '/city/430200?period=2020-05'],
    ['//evil.example/x', null],
    ['/\\evil.example', null],
    ['https://evil.example', null],
    ['javascript:alert(1)', null],
    ['/login?next=/x', null],
    [null, null],
    ['', null],
  ])('next=%s returns to %s', (next, expected) => {
    expect(safeReturnPath(next)).toBe(expected);
  });

  test('the sign-in address carries where one was going, and reads it back', () => {
    const path = loginPath('/region/430182?period=2020-05');
    expect(path).toBe('/login?next=%2Fregion%2F430182%3Fperiod%3D2020-05');
    expect(safeReturnPath(new URLSearchParams(path.split('?')[1]).get('next'))).toBe('/region/430182?period=2020-05');
    expect(loginPath('/')).toBe('/login');
  });

  test.each([
    ['430000', '/'],
    ['430100', '/city/430100'],
    ['430182', '/region/430182'],
  ])('someone homed in %s lands on %s', (regionCode, path) => {
    expect(landingPath({ regionCode })).toBe(path);
  });
});
