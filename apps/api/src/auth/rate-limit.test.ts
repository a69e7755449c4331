import { expect, test } from 'vitest';
import { FailureLimiter, reserveAttempt } from './rate-limit.ts';

test('a key is held back after the limit of failures until the oldest leaves the window', () => {
  let now = 0;
  const limiter = new FailureLimiter(3, 60_000, () => now);
  for (const t of [0, 10_000, 20_000]) {
    now = t;
    expect(limiter.retryAfter('zhang')).toBe(0);
    limiter.reserve('zhang');
  }
  now = 30_000;
  expect(limiter.retryAfter('zhang')).toBe(30_000); // the failure at 0 leaves at 60,000
  expect(limiter.retryAfter('li')).toBe(0);
  now = 60_001;
  expect(limiter.retryAfter('zhang')).toBe(0);
});

test('a success clears the key', () => {
  const limiter = new FailureLimiter(1, 60_000, () => 0);
  limiter.reserve('zhang');
  expect(limiter.retryAfter('zhang')).toBeGreaterThan(0);
  limiter.clear('zhang');
  expect(limiter.retryAfter('zhang')).toBe(0);
});

test('reserving counts the attempt at once against every limit; a release gives back only that attempt', () => {
  const perLogin = new FailureLimiter(2, 60_000, () => 0);
  const perAddress = new FailureLimiter(5, 60_000, () => 0);
  const slots = [[perLogin, 'zhang'], [perAddress, '10.0.0.1']] as const;
  const first = reserveAttempt(slots);
  const second = reserveAttempt(slots);
  expect([first, second].map((r) => ('remaining' in r ? r.remaining : 'held'))).toEqual([1, 0]);
  expect(reserveAttempt(slots)).toEqual({ wait: 60_000 });
  expect(perAddress.remaining('10.0.0.1')).toBe(3); // the held-back attempt was not counted
  if ('release' in first) first.release();
  expect(perLogin.remaining('zhang')).toBe(1);
  expect(perAddress.remaining('10.0.0.1')).toBe(4);
});
