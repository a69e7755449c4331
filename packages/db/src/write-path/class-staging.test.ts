import { afterEach, describe, expect, test } from 'vitest';
import type { Db } from '../client.ts';
import { refreshMonthlyRollup } from '../queries/refresh-monthly-rollup.ts';
import { revertBatch } from '../queries/revert-batch.ts';
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
    const second = stager.chunk([classRow('C4', { institution: '乙中心', occupation: '焊工' }), classRow('C5', { institution: '丙公司', regionCode: '430103', openedOn: '2020-05-10' })], 3);
    expect(second.newInstitutions).toEqual([{ name: '丙公司', regionCode: '430103', id: 101, index: 4 }]);
    expect(second.newOccupations).toEqual([]);
    expect(stager.summary()).toEqual({
      count: 5, months: JSON.stringify([['430102', '2020-03'], ['430103', '2020-05']]),
      // four opened in March in 芙蓉区, one in May in 天心区; none finished
      figures: JSON.stringify([['430102', 2020, 3, 4, 0, 0, 0], ['430103', 2020, 5, 1, 0, 0, 0]]),
      lastOpened: '2020-05',
    });
  });

  test('each class travels as a fixed-width record of bytes, its class number in UTF-8 after its length, in a chunk numbered from its first row', () => {
    const chunk = new ClassStager(known).chunk([
      classRow('C-长沙-1', { institution: '甲学校', finishedOn: '2020-04-01', completed: 38, subsidised: 37 }),
      classRow('C2', { institution: '甲学校' }),
    ], 12);
    expect(chunk.first).toBe(12);
    // C-长沙-1 is 10 bytes in UTF-8 (two characters of three): every record is 96 + 3 + 10 bytes
    expect(chunk.source).toMatchObject({ format: 'records', width: 109, hasIds: false });
    const source = chunk.source as Extract<typeof chunk.source, { format: 'records' }>;
    // region, institution 7, occupation 3, type 1, the dates, 40 enrolled, 38 completed, 37 subsidised, 1,500 yuan, the number's length and the number
    expect(Buffer.from(source.bytes).toString('utf8')).toBe(
      '430102' + '0000000007' + '0000000003' + '0000000001' + '2020-03-02' + '2020-04-01' + '0000000040' + '0000000038' + '0000000037' + '0000001500' + '010' + 'C-长沙-1'
      + '430102' + '0000000007' + '0000000003' + '0000000001' + '2020-03-02' + '----------' + '0000000040' + '0000000000' + '0000000000' + '0000001500' + '002' + 'C2' + '0'.repeat(8), // zeros after a shorter number: never read
    );
    expect(JSON.parse(chunk.months)).toEqual([['430102', '2020-03'], ['430102', '2020-04']]);
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

describe('chunks of new classes go straight in; chunks with classes stored before are staged and compared', () => {
  const dump = async (db: Db) => {
    // the arrivals of batches not reverted (a reverted batch's stay, not counted: getFreshness)
    const tables = ['training_classes', 'institutions', 'occupations', 'region_month_rollup', 'data_arrivals a JOIN data_batches b ON b.id = a.batch_id AND b.reverted_by IS NULL'];
    const rows = await Promise.all(tables.map(async (t) => (await db.$client.execute(`SELECT ${t.startsWith('data_arrivals') ? 'a.*' : '*'} FROM ${t}`)).rows.map((r) => ({ ...r })).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1))));
    return Object.fromEntries(tables.map((t, i) => [t, rows[i]]));
  };

  test('four chunks — new, half stored, all stored, new — count, store, log and roll up as one comparison of every row would; a revert restores them all', async () => {
    const db = await fresh();
    // chunks of 5,000 (classRowsStream): A new; B half stored before; C all stored before; D new, under a new institution
    const row = (i: number, over: Partial<ReturnType<typeof classRow>> = {}) =>
      classRow(`S${String(i).padStart(5, '0')}`, { regionCode: i % 3 ? '430102' : '430103', openedOn: `2021-0${1 + (i % 6)}-1${i % 10}`, ...over });
    const stored = [...Array.from({ length: 2_500 }, (_, i) => row(5_000 + i)), ...Array.from({ length: 5_000 }, (_, i) => row(10_000 + i))];
    await writeDataBatch(db, { kind: 'import', label: 'before', classes: stored }, { actor: staff });
    const before = await dump(db);
    // B: its stored half, every 10th finished; C: every 4th finished, the rest as they were
    const finished = { finishedOn: '2021-08-20', completed: 30, subsidised: 30 };
    const again = [
      ...Array.from({ length: 5_000 }, (_, i) => row(i)),
      ...Array.from({ length: 5_000 }, (_, i) => row(5_000 + i, i < 2_500 && i % 10 === 0 ? finished : {})),
      ...Array.from({ length: 5_000 }, (_, i) => row(10_000 + i, i % 4 === 0 ? finished : {})),
      // D opens in November, a month no other class of the file touches: rolled up only as a chunk inserted straight
      ...Array.from({ length: 5_000 }, (_, i) => row(15_000 + i, { institution: '湘江新区职业培训中心', openedOn: '2021-11-05' })),
    ];
    const written = await writeDataBatch(db, { kind: 'import', label: 'again', classes: again }, { actor: staff });
    // inserted: A, B's new half, D; updated: 250 of B, 1,250 of C; unchanged: the rest of B's stored half and of C
    expect(written).toMatchObject({ inserted: 5_000 + 2_500 + 5_000, updated: 250 + 1_250, unchanged: 2_250 + 3_750 });
    const counted = await db.$client.execute({
      sql: `SELECT count(*) AS n, sum(batch_id = ?) AS ours, sum(finished_on IS NOT NULL) AS finished,
                   (SELECT count(*) FROM data_changes WHERE batch_id = ? AND table_name = 'training_classes' AND before IS NOT NULL) AS logged,
                   (SELECT count(*) FROM institutions i WHERE i.name = '湘江新区职业培训中心') AS institution
            FROM training_classes WHERE class_no LIKE 'S%'`,
      args: [written.batchId, written.batchId],
    });
    // 20,000 classes; the batch wrote the 12,500 new and the 1,500 changed; each change logged with its previous version
    expect({ ...counted.rows[0] }).toEqual({ n: 20_000, ours: 14_000, finished: 1_500, logged: 1_500, institution: 1 });
    const rollup = async () => (await db.$client.execute('SELECT * FROM region_month_rollup ORDER BY region_code, year, month')).rows.map((r) => ({ ...r }));
    const incremental = await rollup();
    await refreshMonthlyRollup(db);
    expect(incremental).toEqual(await rollup());
    // 天心区's classes open in January, April and November: it has reported every month from January to the file's
    // last opening (November)
    const arrived = await db.$client.execute("SELECT group_concat(month) AS months FROM (SELECT DISTINCT month FROM data_arrivals WHERE region_code = '430103' AND year = 2021 ORDER BY month)");
    expect(arrived.rows[0]!.months).toBe('1,2,3,4,5,6,7,8,9,10,11');
    await revertBatch(db, written.batchId, staff);
    expect(await dump(db)).toEqual(before);
  });

  test('class numbers of any length and in Chinese are stored as written', async () => {
    const db = await fresh();
    const numbers = ['长沙-甲-1', 'X', '长沙市芙蓉区2021年第一期电工培训班（第3批次）', 'C-𠀾-9'];
    await writeDataBatch(db, { kind: 'import', label: 'names', classes: numbers.map((n) => classRow(n)) }, { actor: staff });
    const { rows } = await db.$client.execute({ sql: `SELECT class_no FROM training_classes WHERE class_no IN (${numbers.map(() => '?').join(', ')})`, args: numbers });
    expect(rows.map((r) => r.class_no).sort()).toEqual([...numbers].sort());
  });
});
