import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import catalogue from '../demo/catalogue.json' with { type: 'json' };
import { createTestDb } from '../test-db.ts';
import { getImportAttempt } from './get-import-attempt.ts';
import { getYearArrivals } from './get-year-arrivals.ts';
import { listImportAttempts } from './list-import-attempts.ts';
import { storeImportAttempt } from './store-import-attempt.ts';

const actor = { actorId: null, actorLogin: 'tester', address: null };
const attempt = (status: 'checked' | 'refused' | 'applied', scope: string | null = null) => ({
  kind: 'classes' as const, fileName: '培训班.xlsx', sha256: 'ab'.repeat(32), bytes: new Uint8Array([1, 2, 3]), status, rows: 3,
  problems: status === 'refused' ? [{ row: 2, column: '开班日期', message: '第2行「开班日期」不是日期' }] : [], scope,
});

describe('the migration’s training types', () => {
  test('are catalogue.json’s nine, in a database prepared without the demo', async () => {
    const db = await createTestDb(false);
    const { rows } = await db.$client.execute('SELECT id, code, name FROM training_types ORDER BY id');
    expect(rows.map((r) => ({ id: Number(r.id), code: r.code, name: r.name }))).toEqual(catalogue.trainingTypes.map((t, i) => ({ id: i + 1, code: t.code, name: t.name })));
  });

  test('are copied once into the migration’s seed block, the same rows as catalogue.json', () => {
    const sql = readFileSync(new URL('../../migrations/0009_import_attempts.sql', import.meta.url), 'utf8');
    const seeded = [...sql.matchAll(/\((\d+), '([^']+)', '([^']+)'\)/g)].map(([, id, code, name]) => ({ id: Number(id), code, name }));
    expect(seeded).toEqual(catalogue.trainingTypes.map((t, i) => ({ id: i + 1, code: t.code, name: t.name })));
  });
});

describe('import attempts', () => {
  test('are kept with their bytes and problems, and listed newest first, a city’s alone when asked', async () => {
    const db = await createTestDb(false);
    const first = await storeImportAttempt(db, attempt('refused'), actor);
    const second = await storeImportAttempt(db, attempt('checked', '430100'), actor);
    expect(await getImportAttempt(db, first)).toMatchObject({ status: 'refused', bytes: new Uint8Array([1, 2, 3]), problems: [{ row: 2 }] });
    expect((await listImportAttempts(db)).map((a) => [a.id, a.errors])).toEqual([[second, 0], [first, 1]]);
    expect((await listImportAttempts(db, { scope: '430100' })).map((a) => a.id)).toEqual([second]);
  });

  test('dry runs and refused files older than 30 days lose their bytes when a new one is stored; applied ones keep them', async () => {
    const db = await createTestDb(false);
    const ids = [await storeImportAttempt(db, attempt('checked'), actor), await storeImportAttempt(db, attempt('refused'), actor), await storeImportAttempt(db, attempt('applied'), actor)];
    await db.$client.execute("UPDATE import_attempts SET created_at = '2000-01-01T00:00:00.000Z'");
    await storeImportAttempt(db, attempt('checked'), actor);
    const kept = await Promise.all(ids.map(async (id) => (await getImportAttempt(db, id))!.bytes !== null));
    expect(kept).toEqual([false, false, true]);
    expect(await listImportAttempts(db)).toHaveLength(4);
  });
});

describe('getYearArrivals', () => {
  test('the demo has every county of every month of 2020', async () => {
    const db = await createTestDb();
    const arrivals = await getYearArrivals(db, { year: 2020, lastMonth: 12 });
    expect(arrivals.latest).toEqual({ year: 2020, month: 12 });
    for (const month of arrivals.months) {
      expect(month.size).toBe(136);
      for (const count of month.values()) expect(count.arrived).toBe(count.of);
    }
  });

  test('an empty database has nothing arrived and no latest month', async () => {
    const db = await createTestDb(false);
    const arrivals = await getYearArrivals(db, { year: 2021, lastMonth: 3 });
    expect(arrivals.latest).toBeNull();
    expect(arrivals.months[2]!.get('430100')).toEqual({ arrived: 0, of: expect.any(Number) });
  });
});
