import { execFileSync } from 'node:child_process';
import { statSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import type { Transaction } from '@libsql/client';
import type { Db } from '../client.ts';
import { ClosedPeriodError, DuplicateKeyError, OutOfScopeError, RevertRefusedError } from '../write-path/errors.ts';
import { classRow, demoFileDb } from '../write-path/fixture.ts';
import { closePeriod } from './close-period.ts';
import { getFreshness } from './get-freshness.ts';
import { getMetricRows } from './get-metric-rows.ts';
import { listClosedPeriods } from './list-closed-periods.ts';
import { listImports } from './list-imports.ts';
import { refreshMonthlyRollup } from './refresh-monthly-rollup.ts';
import { reopenPeriod } from './reopen-period.ts';
import { revertBatch } from './revert-batch.ts';
import { writeDataBatch, type DataBatch } from './write-data-batch.ts';

const staff = { actorId: null, actorLogin: 'staff', address: null };
const opened = [classRow('T2020430102001'), classRow('T2020430102002'), classRow('T2020430103001', { regionCode: '430103', openedOn: '2020-03-10' })];
const classes = (rows = opened): DataBatch => ({ kind: 'import', label: '3月培训班', importKind: 'classes', fileName: '3月.xlsx', sha256: 'ab', classes: rows });

const open: Db[] = [];
async function fresh() {
  const made = await demoFileDb();
  open.push(made.db);
  return made;
}
afterEach(() => {
  for (const db of open.splice(0)) db.$client.close();
});

async function everyTable(db: Db): Promise<Record<string, unknown[]>> {
  const { rows } = await db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const out: Record<string, unknown[]> = {};
  for (const { name } of rows) out[String(name)] = (await db.$client.execute(`SELECT * FROM "${String(name)}" ORDER BY rowid`)).rows.map((r) => ({ ...r }));
  return out;
}

async function allMetrics(db: Db) {
  const months = Array.from({ length: 12 }, (_, i) => ({ year: 2020, month: i + 1 }));
  return Promise.all(months.flatMap((period) => (['province', 'city', 'county'] as const).map((level) => getMetricRows(db, { period, level }))));
}

describe('writeDataBatch', () => {
  test('counts inserted rows, and the same rows twice change nothing: 0 inserted, 0 updated, N unchanged', async () => {
    const { db } = await fresh();
    const first = await writeDataBatch(db, classes(), { actor: staff });
    expect(first).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    const version = Number((await db.$client.execute("SELECT value FROM meta WHERE key = 'data_version'")).rows[0]!.value);
    const second = await writeDataBatch(db, classes(), { actor: staff });
    expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    const logged = await db.$client.execute({ sql: 'SELECT COUNT(*) AS n FROM data_changes WHERE batch_id = ?', args: [second.batchId] });
    expect(Number(logged.rows[0]!.n)).toBe(0);
    expect(Number((await db.$client.execute("SELECT value FROM meta WHERE key = 'data_version'")).rows[0]!.value)).toBe(version + 1);
    // the new institution is data too: logged as inserted by the first batch
    const inst = await db.$client.execute({ sql: "SELECT before, after FROM data_changes WHERE batch_id = ? AND table_name = 'institutions'", args: [first.batchId] });
    expect(inst.rows).toHaveLength(1);
    expect(inst.rows[0]!.before).toBeNull();
    // new classes are not logged: they carry the batch's id, which is how a revert finds them
    const classesLogged = await db.$client.execute({ sql: "SELECT COUNT(*) AS n FROM data_changes WHERE batch_id = ? AND table_name = 'training_classes'", args: [first.batchId] });
    expect(Number(classesLogged.rows[0]!.n)).toBe(0);
    const carried = await db.$client.execute({ sql: "SELECT COUNT(*) AS n FROM training_classes WHERE batch_id = ? AND class_no LIKE 'T2020%'", args: [first.batchId] });
    expect(Number(carried.rows[0]!.n)).toBe(3);
  });

  test('a corrected row updates only it, logging its previous version', async () => {
    const { db } = await fresh();
    await writeDataBatch(db, classes(), { actor: staff });
    const corrected = opened.map((c, i) => (i === 1 ? { ...c, enrolled: 45 } : c));
    const result = await writeDataBatch(db, classes(corrected), { actor: staff });
    expect(result).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    const { rows } = await db.$client.execute({ sql: 'SELECT natural_key, before, after FROM data_changes WHERE batch_id = ?', args: [result.batchId] });
    expect(rows.map((r) => r.natural_key)).toEqual(['T2020430102002']);
    expect(JSON.parse(String(rows[0]!.before)).enrolled).toBe(40);
    expect(JSON.parse(String(rows[0]!.after)).enrolled).toBe(45);
  });

  test('a dry run answers the same counts and writes nothing', async () => {
    const { db } = await fresh();
    const before = await everyTable(db);
    const dry = await writeDataBatch(db, classes(), { actor: staff, dryRun: true });
    expect(dry).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 });
    expect(await everyTable(db)).toEqual(before);
  });

  test('targets and allocations upsert into annual_targets by region and year; a new region-year gets 0 for the other', async () => {
    const { db } = await fresh();
    const result = await writeDataBatch(db, { kind: 'import', label: 't', importKind: 'targets', targets: [{ regionCode: '430102', year: 2020, trainees: 9999 }, { regionCode: '430102', year: 2021, trainees: 5000 }] }, { actor: staff });
    expect(result).toMatchObject({ inserted: 1, updated: 1, unchanged: 0 });
    const { rows } = await db.$client.execute("SELECT year, trainees, funds_budget FROM annual_targets WHERE region_code = '430102' ORDER BY year");
    expect(rows[1]).toMatchObject({ year: 2021, trainees: 5000, funds_budget: 0 });
    expect(Number(rows[0]!.funds_budget)).toBeGreaterThan(0);
  });

  test('a batch failing on its last row (a CHECK) leaves every table exactly as it was, and the dump byte for byte', async () => {
    const { db, file } = await fresh();
    const dump = () => execFileSync('sqlite3', [file, '.dump'], { maxBuffer: 1 << 30 }).toString();
    const before = await everyTable(db);
    const dumped = dump();
    const bad = [...opened, classRow('T2020430102999', { enrolled: 10, completed: 20, finishedOn: '2020-04-01' })];
    await expect(writeDataBatch(db, classes(bad), { actor: staff })).rejects.toThrow(/CHECK/);
    expect(await everyTable(db)).toEqual(before);
    expect(dump()).toBe(dumped);
  });

  test('duplicate keys inside a batch are refused', async () => {
    const { db } = await fresh();
    await expect(writeDataBatch(db, classes([...opened, opened[0]!]), { actor: staff })).rejects.toThrow(DuplicateKeyError);
  });

  test('a city leader’s batch with rows outside the city is refused, naming every such row', async () => {
    const { db } = await fresh();
    const rows = [...opened, classRow('T2020430202001', { regionCode: '430202' })];
    const refusal = await writeDataBatch(db, classes(rows), { actor: staff, scope: '430100' }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(OutOfScopeError);
    expect((refusal as OutOfScopeError).rows).toEqual([{ kind: 'classes', index: 3, key: 'T2020430202001', regionCode: '430202' }]);
    await expect(writeDataBatch(db, classes(), { actor: staff, scope: '430100' })).resolves.toMatchObject({ inserted: 3 });
  });

  test('a closed month refuses changes to it; finishing in April a class opened in a closed March is allowed', async () => {
    const { db } = await fresh();
    await writeDataBatch(db, classes(), { actor: staff });
    expect(await closePeriod(db, { year: 2020, month: 3 }, staff)).toBe(true);
    expect(await listClosedPeriods(db)).toMatchObject([{ year: 2020, month: 3, closedByLogin: 'staff' }]);
    const moved = opened.map((c, i) => (i === 0 ? { ...c, enrolled: 41 } : c));
    await expect(writeDataBatch(db, classes(moved), { actor: staff })).resolves.toMatchObject({ updated: 1 }); // enrolled counts in no month
    const reopened = opened.map((c, i) => (i === 0 ? { ...c, openedOn: '2020-03-20' } : c));
    const refusal = await writeDataBatch(db, classes(reopened), { actor: staff }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ClosedPeriodError);
    expect((refusal as ClosedPeriodError).message).toContain('2020年3月已关账');
    const finished = opened.map((c, i) => (i === 0 ? { ...c, enrolled: 41, finishedOn: '2020-04-15', completed: 38, subsidised: 30 } : c));
    await expect(writeDataBatch(db, classes(finished), { actor: staff })).resolves.toMatchObject({ updated: 1 });
    expect(await reopenPeriod(db, { year: 2020, month: 3 }, staff)).toBe(true);
    await expect(writeDataBatch(db, classes(reopened), { actor: staff })).resolves.toMatchObject({ updated: 1 });
    const audit = await db.$client.execute("SELECT action FROM audit_log WHERE action LIKE 'period.%' ORDER BY id");
    expect(audit.rows.map((r) => r.action)).toEqual(['period.close', 'period.reopen']);
  });

  test('records the months data arrived for; a reverted batch no longer counts', async () => {
    const { db } = await fresh();
    const march = { year: 2020, month: 3 };
    const demoArrival = (await getFreshness(db, march)).find((f) => f.regionCode === '430102')!;
    expect(demoArrival.lastArrivedAt).not.toBeNull();
    const result = await writeDataBatch(db, classes(), { actor: staff });
    const after = await getFreshness(db, march);
    expect(after.find((f) => f.regionCode === '430102')!.lastBatchId).toBe(result.batchId);
    expect(after.find((f) => f.regionCode === '430100')).toMatchObject({ lastBatchId: result.batchId, counties: 9 });
    expect(after.filter((f) => f.level === 'city')).toHaveLength(14);
    expect(after.filter((f) => f.level === 'county')).toHaveLength(122);
    await revertBatch(db, result.batchId, staff);
    expect((await getFreshness(db, march)).find((f) => f.regionCode === '430102')!.lastBatchId).toBe(demoArrival.lastBatchId);
  });
});

describe('the rollup of a write', () => {
  test('refreshes only the touched region-months, and equals a full rebuild after inserts, updates moving a class and its audits, and a revert', async () => {
    const { db } = await fresh();
    const rollup = async () => (await db.$client.execute('SELECT * FROM region_month_rollup ORDER BY region_code, year, month')).rows.map((r) => ({ ...r }));
    const rebuilt = async () => {
      const now = await rollup();
      await refreshMonthlyRollup(db);
      return { now, full: await rollup() };
    };
    const untouched = (await rollup()).filter((r) => r.region_code === '430211');
    let { now, full } = await rebuilt(); // the demo's load: every month of 2020 changed
    expect(now).toEqual(full);
    await writeDataBatch(db, classes(), { actor: staff });
    await writeDataBatch(db, { kind: 'import', label: 'a', importKind: 'audits', audits: [{ auditNo: 'SH-R1', classNo: 'T2020430102001', auditedOn: '2020-05-06', amount: 30_000, status: 'approved' }] }, { actor: staff });
    ({ now, full } = await rebuilt());
    expect(now).toEqual(full);
    // the class moves to another county and finishes; its audit's month moves with it
    const moved = await writeDataBatch(db, classes([classRow('T2020430102001', { regionCode: '430104', finishedOn: '2020-04-28', completed: 38, subsidised: 30 })]), { actor: staff });
    expect(moved).toMatchObject({ updated: 1 });
    ({ now, full } = await rebuilt());
    expect(now).toEqual(full);
    expect(now.filter((r) => r.region_code === '430104' && r.month === 5)[0]).toMatchObject({ funds_audited: expect.any(Number) });
    await revertBatch(db, moved.batchId, staff);
    ({ now, full } = await rebuilt());
    expect(now).toEqual(full);
    // a file where some rows change and the rest are as stored: the changed rows' months, new and previous
    const mixed = await writeDataBatch(db, classes([opened[0]!, classRow('T2020430102002', { finishedOn: '2020-06-02', completed: 40, subsidised: 35 }), opened[2]!]), { actor: staff });
    expect(mixed).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    ({ now, full } = await rebuilt());
    expect(now).toEqual(full);
    expect((await rollup()).filter((r) => r.region_code === '430211')).toEqual(untouched);
  });
});

describe('revertBatch', () => {
  test('restores the metric answers of every month at every level exactly, also for a class opened in March and finished by April', async () => {
    const { db } = await fresh();
    const before = await allMetrics(db);
    const tables = await everyTable(db);
    const march = await writeDataBatch(db, classes(), { actor: staff });
    const april = await writeDataBatch(db, classes(opened.map((c) => ({ ...c, finishedOn: '2020-04-20', completed: 35, subsidised: 30 }))), { actor: staff });
    expect(april).toMatchObject({ updated: 3 });
    await expect(revertBatch(db, march.batchId, staff)).rejects.toThrow(`「3月培训班」（第${april.batchId}批数据）又修改了本次导入的数据`);
    const undoApril = await revertBatch(db, april.batchId, staff);
    expect(undoApril).toMatchObject({ restored: 3, deleted: 0 });
    await expect(revertBatch(db, april.batchId, staff)).rejects.toThrow(RevertRefusedError);
    await expect(revertBatch(db, undoApril.batchId, staff)).rejects.toThrow(RevertRefusedError);
    await expect(revertBatch(db, march.batchId, staff)).resolves.toMatchObject({ restored: 0, deleted: 4 }); // 3 classes and the new institution
    expect(await allMetrics(db)).toEqual(before);
    const now = await everyTable(db);
    for (const table of ['training_classes', 'fund_audits', 'annual_targets', 'institutions', 'occupations', 'region_month_rollup']) {
      // the rollup of the touched regions is rebuilt: same rows, other rowids
      const sorted = (rows: unknown[] = []) => rows.map((r) => JSON.stringify(r)).sort();
      expect(sorted(now[table]), table).toEqual(sorted(tables[table]));
    }
    const history = await listImports(db);
    expect(history.find((h) => h.id === march.batchId)).toMatchObject({ revertedByLogin: 'staff', fileName: '3月.xlsx', sha256: 'ab', inserted: 3 });
  });

  test('refuses a revert touching a closed month', async () => {
    const { db } = await fresh();
    const march = await writeDataBatch(db, classes(), { actor: staff });
    await closePeriod(db, { year: 2020, month: 3 }, staff);
    await expect(revertBatch(db, march.batchId, staff)).rejects.toThrow(ClosedPeriodError);
  });

  test('an audit of a later batch on a class the batch inserted: that later batch first', async () => {
    const { db } = await fresh();
    const finished = opened.map((c) => ({ ...c, finishedOn: '2020-04-20', completed: 35, subsidised: 30 }));
    const march = await writeDataBatch(db, classes(finished), { actor: staff });
    const audits = await writeDataBatch(db, { kind: 'import', label: 'a', importKind: 'audits', audits: [{ auditNo: 'SH-T1', classNo: 'T2020430102001', auditedOn: '2020-04-30', amount: 45_000, status: 'approved' }] }, { actor: staff });
    await expect(revertBatch(db, march.batchId, staff)).rejects.toThrow(`「a」（第${audits.batchId}批数据）又修改了本次导入的数据`);
  });
});

describe('a closed month and the year-wide writes', () => {
  const targets = (trainees: number): DataBatch => ({ kind: 'import', label: '目标', importKind: 'targets', targets: [{ regionCode: '430102', year: 2020, trainees }] });
  const allocations = (fundsBudget: number): DataBatch => ({ kind: 'import', label: '资金', importKind: 'allocations', allocations: [{ regionCode: '430102', year: 2020, fundsBudget }] });
  const round = (date: string): DataBatch => ({
    kind: 'reallocation', label: '调剂',
    rounds: [{ reallocatedOn: date, documentNumber: '湘〔2020〕1号', note: null, recordedBy: null, moves: [{ fromCode: '430000', toCode: '430102', amount: 1000 }] }],
  });

  test('targets and allocations feed every month of their year: refused, and their revert too, while any month of it is closed', async () => {
    const { db } = await fresh();
    const before = await writeDataBatch(db, targets(1234), { actor: staff });
    await closePeriod(db, { year: 2020, month: 1 }, staff);
    for (const batch of [targets(999), allocations(5_000_000)]) {
      const refusal = await writeDataBatch(db, batch, { actor: staff }).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(ClosedPeriodError);
      expect((refusal as Error).message).toBe('2020年1月已关账：目标任务和资金分配影响全年各月，请管理员先重新开账');
    }
    await expect(writeDataBatch(db, targets(1234), { actor: staff })).resolves.toMatchObject({ unchanged: 1 }); // the same figures change nothing
    await expect(revertBatch(db, before.batchId, staff)).rejects.toThrow('目标任务和资金分配影响全年各月');
    // another year's targets are not this year's months
    await expect(writeDataBatch(db, { ...targets(10), targets: [{ regionCode: '430102', year: 2021, trainees: 10 }] }, { actor: staff })).resolves.toMatchObject({ inserted: 1 });
    await reopenPeriod(db, { year: 2020, month: 1 }, staff);
    await expect(revertBatch(db, before.batchId, staff)).resolves.toMatchObject({ restored: 1 });
  });

  test('a reallocation counts from its date on: refused when a month of its year at or after its date is closed', async () => {
    const { db } = await fresh();
    await closePeriod(db, { year: 2020, month: 6 }, staff);
    await expect(writeDataBatch(db, round('2020-07-01'), { actor: staff })).resolves.toMatchObject({ rounds: [expect.any(Number)] });
    const refusal = await writeDataBatch(db, round('2020-05-31'), { actor: staff }).catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(ClosedPeriodError);
    expect((refusal as Error).message).toMatch(/^2020年6月已关账：资金调剂计入其日期起当年各月/);
    await expect(writeDataBatch(db, round('2020-06-30'), { actor: staff })).rejects.toThrow(ClosedPeriodError);
  });
});

describe('arrivals after a revert', () => {
  test('a one-row file twice, the first reverted: the county-month has no data and no arrival', async () => {
    const { db } = await fresh();
    const row = classRow('T2021430102001', { regionCode: '430102', openedOn: '2021-01-05', finishedOn: null, completed: 0, subsidised: 0 });
    const one: DataBatch = { ...classes([row]), label: '1月' };
    const first = await writeDataBatch(db, one, { actor: staff });
    expect(first).toMatchObject({ inserted: 1 });
    expect(await writeDataBatch(db, one, { actor: staff })).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    const arrived = async () => (await getFreshness(db, { year: 2021, month: 1 })).find((r) => r.regionCode === '430102')!.lastArrivedAt;
    expect(await arrived()).not.toBeNull();
    await revertBatch(db, first.batchId, staff);
    expect((await db.$client.execute("SELECT COUNT(*) AS n FROM training_classes WHERE region_code = '430102' AND opened_on LIKE '2021-01%'")).rows[0]!.n).toBe(0);
    expect(await arrived()).toBeNull();
  });

  test('a file runs to its last opening month: a county in it has reported every month from its first row on, with or without a new class; a county not in it has not', async () => {
    const { db } = await fresh();
    const row = (no: string, regionCode: string, openedOn: string) => classRow(no, { regionCode, openedOn, finishedOn: null, completed: 0, subsidised: 0 });
    const file = classes([row('T2021430102001', '430102', '2021-01-05'), row('T2021430105001', '430105', '2021-01-07'), row('T2021430105002', '430105', '2021-03-02'), row('T2021430103001', '430103', '2021-02-08')]);
    const result = await writeDataBatch(db, file, { actor: staff });
    const arrival = async (month: number, code: string) => (await getFreshness(db, { year: 2021, month })).find((r) => r.regionCode === code)!.lastBatchId;
    const arrivals = async (code: string) => [await arrival(1, code), await arrival(2, code), await arrival(3, code), await arrival(4, code)];
    const b = result.batchId;
    expect(await arrivals('430102')).toEqual([b, b, b, null]); // January only, the file runs to March
    expect(await arrivals('430105')).toEqual([b, b, b, null]); // January and March: February too
    expect(await arrivals('430103')).toEqual([null, b, b, null]); // from its first row on
    expect(await arrivals('430104')).toEqual([null, null, null, null]); // not in the file
    // the same file again, then that upload reverted: the first one still stands, and so do its arrivals
    const again = await writeDataBatch(db, file, { actor: staff });
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 4 });
    await revertBatch(db, again.batchId, staff);
    expect(await arrivals('430102')).toEqual([b, b, b, null]);
    expect(await arrivals('430103')).toEqual([null, b, b, null]);
  });

  test('a region-month that keeps rows after the revert keeps its arrivals', async () => {
    const { db } = await fresh();
    const a = classRow('T2021430102001', { regionCode: '430102', openedOn: '2021-01-05', finishedOn: null, completed: 0, subsidised: 0 });
    const b = classRow('T2021430102002', { regionCode: '430102', openedOn: '2021-01-06', finishedOn: null, completed: 0, subsidised: 0 });
    await writeDataBatch(db, classes([a]), { actor: staff });
    const second = await writeDataBatch(db, classes([a, b]), { actor: staff });
    await revertBatch(db, second.batchId, staff);
    expect((await getFreshness(db, { year: 2021, month: 1 })).find((r) => r.regionCode === '430102')!.lastArrivedAt).not.toBeNull();
  });
});

describe('the commit of a large write', () => {
  test('leaves the checkpoint to just after it (the file unchanged when the write returns, then written), and its connection checkpoints at commits again', async () => {
    const { db, file } = await fresh();
    const before = statSync(file).size;
    // 40,000 classes take the WAL past SQLite's 1,000 pages, where a commit would copy them into the file itself
    const many = Array.from({ length: 40_000 }, (_, i) => classRow(`K${String(i).padStart(6, '0')}`, { openedOn: `2021-0${1 + (i % 9)}-1${i % 10}` }));
    await writeDataBatch(db, { kind: 'import', label: 'many', classes: many }, { actor: staff });
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(1_000 * 4096);
    expect(statSync(file).size).toBe(before); // durable in the WAL; not yet copied
    await expect.poll(() => statSync(file).size, { timeout: 5_000 }).toBeGreaterThan(before);
    // the connection the write used (the pool hands back the last one returned) has SQLite's threshold again
    const tx = await db.$client.transaction('read');
    try {
      expect((await tx.execute('PRAGMA wal_autocheckpoint')).rows[0]![0]).toBe(1000);
    } finally {
      tx.close();
    }
    expect(Number((await db.$client.execute("SELECT count(*) AS n FROM training_classes WHERE class_no LIKE 'K%'")).rows[0]!.n)).toBe(40_000);
  });

  test('a commit that fails (a deferred foreign key) leaves nothing, and its connection checkpointing at commits again', async () => {
    const { db } = await fresh();
    const count = async () => Number((await db.$client.execute('SELECT count(*) AS n FROM training_classes')).rows[0]!.n);
    const stored = await count();
    const orphan = async (tx: Transaction) => {
      await tx.execute('PRAGMA defer_foreign_keys = ON'); // checked at the commit
      await tx.execute(`INSERT INTO training_classes (class_no, region_code, institution_id, occupation_id, training_type_id, opened_on, enrolled, completed, subsidised, subsidy_standard)
                        VALUES ('ORPHAN', '430102', 999999, 1, 1, '2021-03-01', 40, 0, 0, 1500)`);
    };
    await expect(writeDataBatch(db, classes(), { actor: staff, inside: orphan })).rejects.toThrow(/FOREIGN KEY/);
    expect(await count()).toBe(stored);
    const tx = await db.$client.transaction('read'); // the connection the write used: the pool hands back the last one returned
    try {
      expect((await tx.execute('PRAGMA wal_autocheckpoint')).rows[0]![0]).toBe(1000);
    } finally {
      tx.close();
    }
  });

  test('two at once: the second commits with the checkpoint the first left to come (the WAL holds two writes at most)', async () => {
    const { db, file } = await fresh();
    const before = statSync(file).size;
    const batch = (prefix: string) => ({
      kind: 'import' as const, label: prefix, classes: Array.from({ length: 40_000 }, (_, i) => classRow(`${prefix}${String(i).padStart(6, '0')}`, { openedOn: `2021-0${1 + (i % 9)}-1${i % 10}` })),
    });
    await Promise.all([writeDataBatch(db, batch('A'), { actor: staff }), writeDataBatch(db, batch('B'), { actor: staff })]);
    // the second waited for the first, which left its checkpoint to come: the second's commit copied both
    expect(statSync(file).size).toBeGreaterThan(before);
    expect(Number((await db.$client.execute("SELECT count(*) AS n FROM training_classes WHERE class_no GLOB '[AB]*'")).rows[0]!.n)).toBe(80_000);
  });
});
