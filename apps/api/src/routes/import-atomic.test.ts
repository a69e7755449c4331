/**
 * The upload's record and its data are one transaction: a failure injected between them (a trigger refusing the
 * record's write, in the real database) leaves neither — the database is as it was, table by table.
 */
import type { Db } from '@dispatch/db';
import { beforeAll, describe, expect, test } from 'vitest';
import { makeXlsx } from '../imports/testing.ts';
import { appWithAccount, signIn, type TestSession } from '../testing/test-session.ts';

let db: Db;
let app: Awaited<ReturnType<typeof appWithAccount>>['app'];
let session: TestSession;

const HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）'];
const classes = (no: string) => makeXlsx({ 培训班: [HEADERS, [no, '430182', '宁乡市职业技术培训学校', '育婴员', '以工代训', '2021-01-05', '2021-01-25', 40, 38, 30, 1100]] });

async function upload(bytes: Uint8Array) {
  const form = new FormData();
  form.append('file', new Blob([bytes]), '培训班.xlsx');
  const { 'content-type': _json, ...headers } = session.write;
  return app.request('/api/imports?kind=classes', { method: 'POST', headers, body: form });
}
const revert = (id: number) => app.request(`/api/imports/${id}/revert`, { method: 'POST', headers: session.write });

/** Every table's rows, in order: what "the database as it was" means here. */
async function dump(): Promise<string[]> {
  const tables = await db.$client.execute("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const out: string[] = [];
  for (const { name } of tables.rows) {
    if (name === 'sessions') continue; // signing in touches it, not the write
    const { rows } = await db.$client.execute(`SELECT * FROM "${String(name)}" ORDER BY rowid`);
    out.push(`${String(name)} ${JSON.stringify(rows, (_k, v: unknown) => (v instanceof ArrayBuffer ? v.byteLength : v))}`);
  }
  return out;
}

async function failing<T>(trigger: string, run: () => Promise<T>): Promise<T> {
  await db.$client.execute(trigger);
  try {
    return await run();
  } finally {
    await db.$client.execute('DROP TRIGGER injected');
  }
}

beforeAll(async () => {
  ({ db, app } = await appWithAccount('admin', 'province-admin', '430000'));
  session = await signIn(app, 'admin');
});

describe('the upload record and the write are one transaction', () => {
  test('the record failing to be written leaves no data, no batch, no audit line', async () => {
    const before = await dump();
    const response = await failing(
      "CREATE TRIGGER injected BEFORE INSERT ON import_attempts WHEN NEW.status = 'applied' BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
      async () => upload(await classes('K-ATOMIC-1')),
    );
    expect(response.status).toBe(500);
    expect(await dump()).toEqual(before);
  });

  test('the record failing to be marked reverted leaves the data, the batch and the record as applied', async () => {
    const applied = await upload(await classes('K-ATOMIC-2'));
    expect(applied.status).toBe(201);
    const { id } = (await applied.json()) as { id: number };
    const before = await dump();
    const response = await failing(
      "CREATE TRIGGER injected BEFORE UPDATE ON import_attempts WHEN NEW.status = 'reverted' BEGIN SELECT RAISE(ABORT, 'injected failure'); END",
      async () => revert(id),
    );
    expect(response.status).toBe(500);
    expect(await dump()).toEqual(before);
    // and without the failure the revert goes through, record and data together
    expect((await revert(id)).status).toBe(200);
    const { rows } = await db.$client.execute({ sql: 'SELECT a.status, b.reverted_by IS NOT NULL AS reverted FROM import_attempts a JOIN data_batches b ON b.id = a.batch_id WHERE a.id = ?', args: [id] });
    expect(rows.map((r) => [r.status, Number(r.reverted)])).toEqual([['reverted', 1]]);
    expect((await db.$client.execute("SELECT COUNT(*) AS n FROM training_classes WHERE class_no = 'K-ATOMIC-2'")).rows[0]!.n).toBe(0);
  });
});

describe('a file of classes is read in the import worker while its first rows are written', () => {
  const csv = (rows: number, bad?: number | number[], prefix = 'K-W') => {
    const lines = [HEADERS.join(',')];
    const refused = new Set([bad ?? []].flat());
    for (let i = 0; i < rows; i++) {
      const finished = refused.has(i) ? '2021-01-01' : '2021-02-25'; // before its opening: refused
      lines.push([`${prefix}-${String(i).padStart(5, '0')}`, i % 2 ? '430181' : '430182', '宁乡市职业技术培训学校', '育婴员', '以工代训', '2021-02-05', finished, 40, 38, 30, 1100].join(','));
    }
    return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
  };
  const post = (bytes: Uint8Array, query = '') => {
    const form = new FormData();
    form.append('file', new Blob([bytes]), '培训班.csv');
    const { 'content-type': _json, ...headers } = session.write;
    return app.request(`/api/imports?kind=classes${query}`, { method: 'POST', headers, body: form });
  };
  /** the data, without the upload records and the audit lines a refused upload adds */
  const data = async () => (await dump()).filter((table) => !/^(import_attempts|audit_log) /.test(table));

  test('a problem in row 11,002 — two chunks already written — refuses the file and leaves the data as it was', async () => {
    const before = await data();
    const response = await post(csv(12_000, 11_000));
    expect(response.status).toBe(422);
    const report = (await response.json()) as { ok: boolean; rows: number; errors: { row: number; column: string; message: string }[] };
    expect(report).toMatchObject({ ok: false, rows: 12_000 });
    expect(report.errors).toEqual([{ row: 11_002, column: '结业日期', message: expect.stringContaining('早于') }]);
    expect(await data()).toEqual(before);
  });

  test('a problem in row 3 stops the write at once; the report still names every problem, to the last row', async () => {
    const before = await data();
    const response = await post(csv(12_000, [1, 6_000, 11_999]));
    expect(response.status).toBe(422);
    const report = (await response.json()) as { errors: { row: number; column: string }[] };
    expect(report.errors.map((e) => [e.row, e.column])).toEqual([[3, '结业日期'], [6_002, '结业日期'], [12_001, '结业日期']]);
    expect(await data()).toEqual(before);
  });

  test('three files at once, one with a problem: each answered for itself, one after the other', async () => {
    const before = Number((await db.$client.execute("SELECT COUNT(*) AS n FROM training_classes WHERE class_no LIKE 'K-C%'")).rows[0]!.n);
    const answers = await Promise.all([post(csv(6_000, undefined, 'K-C1')), post(csv(6_000, 5_999, 'K-C2')), post(csv(6_000, undefined, 'K-C3'))]);
    expect(answers.map((a) => a.status)).toEqual([201, 422, 201]);
    expect(await answers[0]!.json()).toMatchObject({ inserted: 6_000 });
    expect(((await answers[1]!.json()) as { errors: { row: number }[] }).errors.map((e) => e.row)).toEqual([6_001]);
    const { rows } = await db.$client.execute("SELECT substr(class_no, 1, 4) AS file, COUNT(*) AS n FROM training_classes WHERE class_no LIKE 'K-C%' GROUP BY 1 ORDER BY 1");
    expect(before).toBe(0);
    expect(rows.map((r) => [r.file, r.n])).toEqual([['K-C1', 6_000], ['K-C3', 6_000]]);
  });

  test('a dry run counts 12,000 new rows and writes nothing; the upload then writes them', async () => {
    const before = await data();
    const dry = await post(csv(12_000), '&dryRun=1');
    expect(dry.status).toBe(200);
    expect(await dry.json()).toMatchObject({ ok: true, rows: 12_000, changes: { inserted: 12_000, updated: 0, unchanged: 0 } });
    expect(await data()).toEqual(before);
    const applied = await post(csv(12_000));
    expect(applied.status).toBe(201);
    expect(await applied.json()).toMatchObject({ inserted: 12_000, updated: 0, unchanged: 0 });
    const { rows } = await db.$client.execute("SELECT COUNT(*) AS n, SUM(completed) AS people FROM training_classes WHERE class_no LIKE 'K-W-%'");
    expect(rows.map((r) => [r.n, r.people])).toEqual([[12_000, 12_000 * 38]]);
  });
});
