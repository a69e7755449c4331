import { describe, expect, test } from 'vitest';
import { LOGIN_PATTERN, passwordProblem } from './account-rules.ts';

describe('account rules, shared by the users screen, the server and npm run user', () => {
  test.each([
    ['short1', '密码至少 10 个字符'],
    ['onlyletters', '密码须同时包含字母和数字'],
    ['1234567890', '密码须同时包含字母和数字'],
    ['hunan2020ok', null],
  ])('%s: %s', (password, expected) => {
    expect(passwordProblem(password)).toBe(expected);
  });

  test.each([
    ['zhuzhou', true],
    ['demo-city', true],
    ['a.b_c-1', true],
    ['x', false],
    ["x' OR 1=1", false],
    ['张三', false],
    ['a'.repeat(33), false],
  ])('login %s is acceptable: %s', (login, ok) => {
    expect(LOGIN_PATTERN.test(login)).toBe(ok);
  });
});
