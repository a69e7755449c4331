import { prepareDb, setAlertSettings } from '@dispatch/db';
import { DEFAULT_ALERT_SETTINGS } from '@dispatch/core';
import { expect, test } from 'vitest';
import { CoalescedRead, versionReader } from './versions.ts';

/**
 * A read whose answers the test gives by hand: each read started is recorded with the value the "database" held
 * when it started, and ends when the test says so.
 */
function handRead() {
  let value = 0;
  const started: { value: number; end: () => void }[] = [];
  let pendingStart: (() => void) | undefined;
  const reader = new CoalescedRead(
    () => new Promise<number>((resolve) => {
      const seen = value;
      started.push({ value: seen, end: () => resolve(seen) });
    }),
    (start) => (pendingStart = start),
  );
  return {
    reader,
    started,
    write: () => ++value,
    /** the deferred start of a read (setImmediate in the app) comes round */
    tick: () => {
      const start = pendingStart;
      pendingStart = undefined;
      start?.();
    },
  };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

test('requests that arrive before a read starts share it', async () => {
  const { reader, started, tick } = handRead();
  const answers = [reader.get(), reader.get(), reader.get()];
  tick();
  await flush();
  expect(started).toHaveLength(1);
  started[0]!.end();
  expect(await Promise.all(answers)).toEqual([0, 0, 0]);
});

test('a read started before a request arrived is not shared with it: the request waits for the next read', async () => {
  const { reader, started, write, tick } = handRead();
  const early = reader.get();
  tick();
  await flush();
  expect(started).toHaveLength(1); // in flight, reading version 0
  write(); // a write commits …
  const late = reader.get(); // … then a request arrives: it must see the write
  const later = reader.get(); // arrives too before the next read starts: shares it
  started[0]!.end();
  expect(await early).toBe(0);
  await flush();
  expect(started).toHaveLength(2); // the next read starts once the one in flight ended
  started[1]!.end();
  expect([await late, await later]).toEqual([1, 1]);
});

test('a failed read fails the requests that shared it, and the next request reads again', async () => {
  let calls = 0;
  const reader = new CoalescedRead(async () => {
    if (++calls === 1) throw new Error('busy');
    return calls;
  });
  const [a, b] = [reader.get(), reader.get()];
  await expect(a).rejects.toThrow('busy');
  await expect(b).rejects.toThrow('busy');
  expect(await reader.get()).toBe(2);
});

test('against a real database: a write finished before a request arrives is seen, 50 requests share few reads', async () => {
  const { db } = await prepareDb({ url: ':memory:', demo: false });
  const reader = versionReader(db);
  const before = await reader.get();
  await setAlertSettings(db, { ...DEFAULT_ALERT_SETTINGS, fallingBack: { cityPlaces: 4, countyPlaces: 12 } }, { actorId: null, actorLogin: 'cli', address: null });
  const answers = await Promise.all(Array.from({ length: 50 }, () => reader.get()));
  expect(answers.every((v) => v.settings === before.settings + 1)).toBe(true);
  expect(new Set(answers).size).toBe(1); // one read shared by all fifty
});
