import { expect, test } from 'vitest';
import { FailureLimiter } from './rate-limit.ts';

test('a key is held back after the limit of failures until the oldest leaves the window', () => {
  let now = 0;
  const limiter = new FailureLimiter(3, 60_000, () => now);
  for (const t of [0, 10_000, 20_000]) {
    now = t;
    expect(limiter.retryAfter('zhang')).toBe(0);
    limiter.fail('zhang');
  }
  now = 30_000;
  expect(limiter.retryAfter('zhang')).toBe(30_000); // the failure at 0 leaves at 60,000
  expect(limiter.retryAfter('li')).toBe(0);
  now = 60_001;
  expect(limiter.retryAfter('zhang')).toBe(0);
});

test('a success clears the key', () => {
  const limiter = new FailureLimiter(1, 60_000, () => 0);
  limiter.fail('zhang');
  expect(limiter.retryAfter('zhang')).toBeGreaterThan(0);
  limiter.clear('zhang');
  expect(limiter.retryAfter('zhang')).toBe(0);
});
