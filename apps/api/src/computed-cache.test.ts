import { getVersions, prepareDb, refreshMonthlyRollup, type Db } from '@dispatch/db';
import { beforeEach, expect, test } from 'vitest';
import { cacheVersion, ComputedCache } from './computed-cache.ts';

let db: Db;
beforeEach(async () => {
  db = (await prepareDb({ url: ':memory:', demo: false })).db;
});

/** The versions as a request reads them. */
const version = async () => cacheVersion(await getVersions(db));

function counter() {
  let calls = 0;
  return { compute: async () => ++calls, calls: () => calls };
}

test('a result is computed once until the data version moves', async () => {
  const cache = new ComputedCache();
  const c = counter();
  expect(await cache.getOrCompute(await version(), 'k', c.compute)).toBe(1);
  expect(await cache.getOrCompute(await version(), 'k', c.compute)).toBe(1);
  await refreshMonthlyRollup(db); // bumps the data version, as every write does
  expect(await cache.getOrCompute(await version(), 'k', c.compute)).toBe(2);
  expect(c.calls()).toBe(2);
});

test('concurrent requests for the same result share one computation', async () => {
  const cache = new ComputedCache();
  const c = counter();
  const at = await version();
  const results = await Promise.all(Array.from({ length: 5 }, () => cache.getOrCompute(at, 'k', c.compute)));
  expect(results).toEqual([1, 1, 1, 1, 1]);
  expect(c.calls()).toBe(1);
});

test('a failure is not kept', async () => {
  const cache = new ComputedCache();
  await expect(cache.getOrCompute(await version(), 'k', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  expect(await cache.getOrCompute(await version(), 'k', async () => 'ok')).toBe('ok');
});

test('the least recently used entry is dropped beyond the bound', async () => {
  const cache = new ComputedCache(2);
  const c = counter();
  await cache.getOrCompute(await version(), 'a', c.compute); // 1
  await cache.getOrCompute(await version(), 'b', c.compute); // 2
  await cache.getOrCompute(await version(), 'a', c.compute); // hit: a is now the most recent
  await cache.getOrCompute(await version(), 'c', c.compute); // 3, drops b
  expect(await cache.getOrCompute(await version(), 'a', c.compute)).toBe(1);
  expect(await cache.getOrCompute(await version(), 'b', c.compute)).toBe(4);
});

test('a group of large results is bounded on its own: its least recently used goes, the others stay', async () => {
  const cache = new ComputedCache();
  const c = counter();
  const bound = { group: 'files', max: 2 };
  await cache.getOrCompute(await version(), 'files|a', c.compute, bound);
  await cache.getOrCompute(await version(), 'files|b', c.compute, bound);
  await cache.getOrCompute(await version(), 'other', c.compute);
  await cache.getOrCompute(await version(), 'files|a', c.compute, bound); // a is now the more recent
  await cache.getOrCompute(await version(), 'files|c', c.compute, bound); // b goes
  expect(c.calls()).toBe(4);
  await cache.getOrCompute(await version(), 'files|a', c.compute, bound);
  await cache.getOrCompute(await version(), 'other', c.compute);
  expect(c.calls()).toBe(4);
  await cache.getOrCompute(await version(), 'files|b', c.compute, bound);
  expect(c.calls()).toBe(5);
});
