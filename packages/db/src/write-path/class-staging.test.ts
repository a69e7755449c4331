import { afterEach, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { refreshMonthlyRollup } from '../queries/refresh-monthly-rollup.ts';
import { writeDataBatch } from '../queries/write-data-batch.ts';
import { ClassStager, type KnownReferences } from './class-staging.ts';
import { OutOfScopeError } from './errors.ts';
import { classRow, demoFileDb } from './fixture.ts';

const staff = { actorId: null, actorLogin: 'staff', address: null };
const open: Db[] = [];
afterEach(() => {
  for (const db of open.splice(0)) db.$client.close();
});

async function fresh(): Promise<Db> {
  const { db } = await demoFileDb();
  open.push(db);
  return db;
}

const known: KnownReferences = {
  institutions: new Map([['甲学校', 7]]), occupations: new Map([['电工', 3]]), trainingTypes: new Map([['employment', 1], ['就业技能培训', 1]]),
  nextInstitutionId: 100, nextOccupationId: 50,
};

describe('ClassStager', () => {
  test('a name stored nowhere gets the next free id once, in the order first named, across chunks; an unknown training type is named', () => {
    const stager = new ClassStager(known);
    const first = stager.chunk([
      classRow('C1', { institution: '甲学校' }), classRow('C2', { institution: '乙中心', occupation: '焊工' }), classRow('C3', { institution: '乙中心', trainingType: '无此类型' }),
    ], 0);
    expect(first.newInstitutions).toEqual([{ name: '乙中心', regionCode: '430102', id: 100, index: 1 }]);
    expect(first.newOccupations).toEqual([{ name: '焊工', id: 50, index: 1 }]);
    expect(first.unknownTrainingTypes).toEqual([{ kind: 'classes', index: 2, key: 'C3（无此类型）', regionCode: '430102' }]);
    const second = stager.chunk([classRow('C4', { institution: '乙中心', occupation: '焊工' }), classRow('C5', { institution: '丙公司', regionCode: '430103' })], 3);
    expect(second.newInstitutions).toEqual([{ name: '丙公司', regionCode: '430103', id: 101, index: 4 }]);
    expect(second.newOccupations).toEqual([]);
    expect(stager.summary()).toEqual({
      count: 5, months: JSON.stringify([['430102', '2020-03'], ['430103', '2020-03']]),
      // opened in March: four in 芙蓉区, one in 天心区; none finished
      figures: JSON.stringify([['430102', 2020, 3, 4, 0, 0, 0], ['430103', 2020, 3, 1, 0, 0, 0]]),
    });
  });

  test('each class travels as one text of fixed-width fields, numbered from the chunk\'s first row', () => {
    const chunk = new ClassStager(known).chunk([classRow('C-长沙-1', { institution: '甲学校', finishedOn: '2020-04-01', completed: 38, subsidised: 37 })], 12);
    expect(chunk.statements).toHaveLength(1);
    const [first, texts] = (chunk.statements[0] as { args: unknown }).args as [number, string];
    expect(first).toBe(12);
    // region, institution 7, occupation 3, type 1, the dates, 40 enrolled, 38 completed, 37 subsidised, 1,500 yuan, the number
    expect(JSON.parse(texts)).toEqual([
      '430102' + '0000000007' + '0000000003' + '0000000001' + '2020-03-02' + '2020-04-01' + '0000000040' + '0000000038' + '0000000037' + '0000001500' + 'C-长沙-1',
    ]);
  });
});

describe('classes staged as texts, and as arrays when a value does not fit', () => {
  const stored = async (db: Db, like: string) =>
    (await db.$client.execute({
      sql: `SELECT class_no, region_code, typeof(institution_id) AS it, opened_on, finished_on, enrolled, typeof(enrolled) AS et, completed, subsidised, subsidy_standard
            FROM training_classes WHERE class_no LIKE ? ORDER BY class_no`,
      args: [like],
    })).rows.map((r) => ({ ...r }));

  test('the stored rows are the same either way: integers as integers, no finishing as NULL', async () => {
    const db = await fresh();
    const rows = [
      classRow('W1-1', { finishedOn: '2020-04-10', completed: 38, subsidised: 30 }),
      classRow('W1-2', { regionCode: '430103', subsidyStandard: 4350 }),
    ];
    // eleven digits do not fit a field of ten: this batch goes as arrays
    const wide = [classRow('W2-1', { finishedOn: '2020-04-10', completed: 38, subsidised: 30 }), classRow('W2-2', { regionCode: '430103', subsidyStandard: 4350, enrolled: 12_345_678_901 })];
    await writeDataBatch(db, { kind: 'import', label: 'texts', classes: rows }, { actor: staff });
    await writeDataBatch(db, { kind: 'import', label: 'arrays', classes: wide }, { actor: staff });
    const expected = (prefix: string, enrolled2: number) => [
      { class_no: `${prefix}-1`, region_code: '430102', it: 'integer', opened_on: '2020-03-02', finished_on: '2020-04-10', enrolled: 40, et: 'integer', completed: 38, subsidised: 30, subsidy_standard: 1500 },
      { class_no: `${prefix}-2`, region_code: '430103', it: 'integer', opened_on: '2020-03-02', finished_on: null, enrolled: enrolled2, et: 'integer', completed: 0, subsidised: 0, subsidy_standard: 4350 },
    ];
    expect(await stored(db, 'W1-%')).toEqual(expected('W1', 40));
    expect(await stored(db, 'W2-%')).toEqual(expected('W2', 12_345_678_901));
  });

  test('a batch of several chunks is written chunk by chunk: the counts, the rollup as a rebuild gives it, and a row refused in a later chunk leaves nothing', async () => {
    const db = await fresh();
    const many = Array.from({ length: 12_001 }, (_, i) => classRow(`M${String(i).padStart(5, '0')}`, { regionCode: i % 2 ? '430103' : '430102', openedOn: `2020-0${1 + (i % 9)}-05` }));
    const written = await writeDataBatch(db, { kind: 'import', label: 'many', classes: many }, { actor: staff });
    expect(written).toMatchObject({ inserted: 12_001, updated: 0, unchanged: 0 });
    const rollup = async () => (await db.$client.execute('SELECT * FROM region_month_rollup ORDER BY region_code, year, month')).rows.map((r) => ({ ...r }));
    const incremental = await rollup();
    await refreshMonthlyRollup(db);
    expect(incremental).toEqual(await rollup());
    // again, with a change in the first chunk and, in the third, a class of another city for 长沙市's leader
    const again = many.map((c, i) => (i === 0 ? { ...c, enrolled: 41 } : i === 11_000 ? { ...c, regionCode: '430202' } : c));
    const before = await rollup();
    const refused = await writeDataBatch(db, { kind: 'import', label: 'again', classes: again }, { actor: staff, scope: '430100' }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(OutOfScopeError);
    expect((refused as OutOfScopeError).rows.map((r) => [r.index, r.key])).toEqual([[11_000, 'M11000']]);
    const first = await db.$client.execute("SELECT enrolled FROM training_classes WHERE class_no = 'M00000'");
    expect(first.rows[0]!.enrolled).toBe(40);
    expect(await rollup()).toEqual(before);
  });
});
