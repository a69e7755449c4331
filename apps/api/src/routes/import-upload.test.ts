/**
 * POST /api/imports and what follows an import, over real HTTP against a real libSQL database prepared without the
 * demo: real .xlsx files made with exceljs, a GBK CSV made with iconv-lite.
 */
import { alertsOfMonth, IMPORT_EXAMPLES } from '@dispatch/core';
import { prepareDb, type Db } from '@dispatch/db';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadAlertContexts } from '../alert-contexts.ts';
import { createApp } from '../app.ts';
import { renderImportTemplate } from '../imports/index.ts';
import { makeXlsx, openXlsx } from '../imports/testing.ts';
import { ensureAccount, listen, TEST_PASSWORD } from '../testing/test-session.ts';

let db: Db;
let server: Awaited<ReturnType<typeof listen>>;
let base: string;
interface Session { cookie: string; csrfToken: string }
const sessions: Record<string, Session> = {};

async function call(method: string, path: string, who: string, body?: FormData | string, contentType?: string) {
  const session = sessions[who]!;
  const headers: Record<string, string> = { origin: base, cookie: session.cookie, 'x-csrf-token': session.csrfToken };
  if (contentType) headers['content-type'] = contentType;
  const response = await fetch(`${base}${path}`, { method, headers, body });
  return { status: response.status, bytes: new Uint8Array(await response.arrayBuffer()), json() { return JSON.parse(new TextDecoder().decode(this.bytes)) as any; } };
}

function form(bytes: Uint8Array, name: string, field = 'file'): FormData {
  const data = new FormData();
  data.append(field, new Blob([bytes]), name);
  return data;
}
const upload = (who: string, kind: string, bytes: Uint8Array, name: string, dryRun = false) =>
  call('POST', `/api/imports?kind=${kind}${dryRun ? '&dryRun=1' : ''}`, who, form(bytes, name));

const CLASS_HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）'];
type ClassRow = [no: string, region: string, opened: string, finished: string | null, enrolled: number, completed: number, subsidised: number];
const classesXlsx = (rows: ClassRow[]) =>
  makeXlsx({ 培训班: [CLASS_HEADERS, ...rows.map(([no, region, opened, finished, enrolled, completed, subsidised]) => [no, region, '宁乡市职业技术培训学校', '育婴员', '以工代训', opened, finished, enrolled, completed, subsidised, 1100])] });

/** Three classes of 2021 in 长沙's counties (宁乡, 芙蓉区): opened January to March. */
const GOOD: ClassRow[] = [
  ['K2021001', '430182', '2021-01-05', '2021-01-25', 40, 38, 30],
  ['K2021002', '430182', '2021-02-03', '2021-03-01', 50, 45, 40],
  ['K2021003', '430102', '2021-03-02', null, 30, 0, 0],
];

/** Every month's county and city answers of /api/metrics for 2021 (January to `last`). */
async function metricsOfYear(last: number) {
  const answers: string[] = [];
  for (let month = 1; month <= last; month++) {
    for (const level of ['city', 'county']) {
      const response = await call('GET', `/api/metrics?period=2021-${String(month).padStart(2, '0')}&level=${level}`, 'admin');
      answers.push(`${response.status} ${new TextDecoder().decode(response.bytes)}`);
    }
  }
  return answers;
}
const countyRow = async (period: string, code: string) =>
  (await call('GET', `/api/metrics?period=${period}&level=county`, 'admin')).json().rows.find((r: any) => r.code === code);

beforeAll(async () => {
  ({ db } = await prepareDb({ url: ':memory:', demo: false }));
  const app = createApp({ db });
  server = await listen(app.fetch);
  base = server.base;
  for (const [login, role, region] of [['admin', 'province-admin', '430000'], ['city', 'city-leader', '430100'], ['county', 'county-staff', '430182']] as const) {
    await ensureAccount(db, login, role, region);
    const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ login, password: TEST_PASSWORD }) });
    sessions[login] = { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await response.json()) as any).csrfToken };
  }
  // A year's targets first: the months of a year with targets are the periods the metrics answer.
  const targets = await makeXlsx({ 目标任务: [['县市区代码', '年度', '目标任务（人）'], ['430182', 2021, 1000], ['430102', 2021, 800]] });
  expect((await upload('admin', 'targets', targets, '目标任务2021.xlsx')).status).toBe(201);
});

afterAll(() => server.close());

describe('a good file, then the same again, a correction and their reverts', () => {
  let applied = 0;
  let afterFirst: string[] = [];

  test('a dry run answers the mapping, the preview, the counts it would change, and writes nothing', async () => {
    const response = await upload('admin', 'classes', await classesXlsx(GOOD), '培训班2021年1—3月.xlsx', true);
    expect(response.status).toBe(200);
    const report = response.json();
    expect(report).toMatchObject({ ok: true, kind: 'classes', rows: 3, errors: [], changes: { inserted: 3, updated: 0, unchanged: 0 }, id: expect.any(Number) });
    expect(report.headers.map((h: any) => h.field)).toEqual(['classNo', 'regionCode', 'institution', 'occupation', 'trainingType', 'openedOn', 'finishedOn', 'enrolled', 'completed', 'subsidised', 'subsidyStandard']);
    expect(report.preview[0]).toEqual({ row: 2, cells: expect.objectContaining({ classNo: 'K2021001', openedOn: '2021-01-05', enrolled: '40' }) });
    expect((await db.$client.execute('SELECT COUNT(*) AS n FROM training_classes')).rows[0]!.n).toBe(0);
    expect(report.warnings).toBeUndefined(); // 2021 has its targets
  });

  test('classes of a year without targets are accepted with a warning saying what to import for its months to show', async () => {
    const response = await upload('admin', 'classes', await classesXlsx([['K2022001', '430182', '2022-01-05', '2022-01-25', 40, 38, 30]]), '2022年1月.xlsx', true);
    expect(response.status).toBe(200);
    expect(response.json()).toMatchObject({ ok: true, warnings: ['2022年尚无目标任务：数据已可导入，但须导入2022年的目标任务后，2022年各月才会出现在统计期间中'] });
  });

  test('applied, it answers 201 with the counts, and the metrics and the bulletin draft move at once', async () => {
    const draftBefore = await call('GET', '/api/bulletins/draft?period=2021-03', 'admin');
    const response = await upload('admin', 'classes', await classesXlsx(GOOD), '培训班2021年1—3月.xlsx');
    expect(response.status).toBe(201);
    expect(response.json()).toEqual({ id: expect.any(Number), inserted: 3, updated: 0, unchanged: 0 });
    applied = response.json().id;
    expect(await countyRow('2021-03', '430182')).toMatchObject({ trainees: 83, classesOpened: 2, classesFinished: 2 });
    const draftAfter = await call('GET', '/api/bulletins/draft?period=2021-03', 'admin');
    expect(draftAfter.status).toBe(200);
    expect(draftAfter.bytes).not.toEqual(draftBefore.bytes);
    afterFirst = await metricsOfYear(3);
  });

  test('the same file twice changes nothing: 0 inserted, 0 updated, 3 unchanged', async () => {
    const response = await upload('admin', 'classes', await classesXlsx(GOOD), '培训班2021年1—3月.xlsx');
    expect(response.json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 });
    expect(await metricsOfYear(3)).toEqual(afterFirst);
  });

  test('a correction updates only what it corrects; its revert restores every month’s metrics exactly', async () => {
    const corrected = GOOD.map((row) => (row[0] === 'K2021002' ? (['K2021002', '430182', '2021-02-03', '2021-03-01', 50, 48, 44] as ClassRow) : row));
    const response = await upload('admin', 'classes', await classesXlsx(corrected), '培训班（更正）.xlsx');
    expect(response.json()).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
    expect(await countyRow('2021-03', '430182')).toMatchObject({ trainees: 86 });
    const revert = await call('POST', `/api/imports/${response.json().id}/revert`, 'admin');
    expect(revert.status).toBe(200);
    expect(revert.json()).toMatchObject({ status: 'reverted', revertedBy: { login: 'admin' } });
    expect(await metricsOfYear(3)).toEqual(afterFirst);
    const again = await call('POST', `/api/imports/${response.json().id}/revert`, 'admin');
    expect(again.status).toBe(409);
    expect(again.json().error.message).toMatch(/已撤销/);
  });

  test('an applied clean file’s report is the workbook with a 问题清单 saying 无', async () => {
    const response = await call('GET', `/api/imports/${applied}/report.xlsx`, 'admin');
    expect(response.status).toBe(200);
    const list = (await openXlsx(response.bytes)).getWorksheet('问题清单')!;
    expect(list.getRow(2).getCell(3).value).toBe('无');
  });

  test('the history lists every upload, newest first, with its status', async () => {
    const { imports } = (await call('GET', '/api/imports', 'admin')).json();
    expect(imports.slice(0, 4).map((i: any) => i.status)).toEqual(['reverted', 'applied', 'applied', 'checked']);
    expect(imports[0]).toMatchObject({ kind: 'classes', fileName: '培训班（更正）.xlsx', importedBy: { login: 'admin' }, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
  });

  test('freshness: the counties whose month arrived, the rest missing; the no-data alert names them up to the latest month', async () => {
    const freshness = (await call('GET', '/api/freshness?period=2021-02', 'admin')).json();
    expect(freshness).toMatchObject({ period: '2021-02', closed: false, missing: 121 });
    expect(freshness.regions.find((r: any) => r.regionCode === '430182')).toMatchObject({ regionName: '宁乡市', lastArrivedAt: expect.any(String) });
    expect(freshness.regions.find((r: any) => r.regionCode === '430100')).toMatchObject({ countiesArrived: 1, counties: 9 });
    const { alerts } = (await call('GET', '/api/alerts?period=2021-02&rule=no-data', 'admin')).json();
    expect(alerts.find((a: any) => a.regionCode === '430102')).toMatchObject({ severity: 'yellow', message: '2021年2月数据尚未报送' });
    expect(alerts.some((a: any) => a.regionCode === '430182')).toBe(false);
    expect(alerts.find((a: any) => a.regionCode === '430100').message).toBe('2021年2月数据尚未报送齐：9个县市区中8个未报送');
    const summary = (await call('GET', '/api/alerts/summary?period=2021-02', 'admin')).json();
    expect(summary.counts.find((c: any) => c.level === 'county' && c.rule === 'no-data').yellow).toBe(121);
    // a month not arrived is not zero progress: the counties that have not reported get 数据未报送 and nothing else
    const all = (await call('GET', '/api/alerts?period=2021-02', 'admin')).json().alerts as any[];
    const missing = new Set(freshness.regions.filter((r: any) => r.level === 'county' && r.lastArrivedAt === null).map((r: any) => r.regionCode));
    expect(all.filter((a) => missing.has(a.regionCode) && a.rule !== 'no-data')).toEqual([]);
    // a city partly arrived keeps its alerts, each saying so
    for (const alert of all.filter((a) => a.regionCode === '430100' && a.rule !== 'no-data')) expect(alert.message).toContain('（9个县市区中8个未报送，按已报送数据）');
  });
});

describe('files refused', () => {
  test('a GBK CSV of audits is read and applied', async () => {
    const csv = '审核编号,培训班编号,审核日期,审核金额（元）,审核状态\r\nSH-K1,K2021001,2021年2月10日,"33,000.00",已通过\r\n';
    const response = await upload('admin', 'audits', new Uint8Array(iconv.encode(csv, 'gbk')), '资金审核2月.csv');
    expect(response.status).toBe(201);
    expect(await countyRow('2021-02', '430182')).toMatchObject({ fundsAudited: 33000 });
  });

  test('errors: 422 with per-row problems, nothing written, and a report with the bad cells marked', async () => {
    const bad = await classesXlsx([
      ['K2021101', '430182', '2021-03-10', '2021-03-05', 40, 38, 30],
      ['K2021102', '439999', '2021-03-10', null, 40, 0, 0],
      ['K2021103', '430182', '2021-03-10', '2021-03-20', 40, 50, 30],
    ]);
    const before = await metricsOfYear(3);
    const response = await upload('admin', 'classes', bad, '有错的文件.xlsx');
    expect(response.status).toBe(422);
    const report = response.json();
    expect(report).toMatchObject({ ok: false, id: expect.any(Number) });
    expect(report.errors.map((e: any) => e.row)).toEqual([2, 3, 4]);
    expect(report.errors[0].message).toContain('第2行「结业日期」');
    expect(await metricsOfYear(3)).toEqual(before);
    const marked = await openXlsx((await call('GET', `/api/imports/${report.id}/report.xlsx`, 'admin')).bytes);
    const sheet = marked.getWorksheet('培训班')!;
    expect(sheet.getCell('G2').note).toBeTruthy();
    expect((sheet.getCell('G2').fill as any).fgColor.argb).toBe('FFFFC7CE');
    expect(marked.getWorksheet('问题清单')!.rowCount).toBe(1 + report.errors.length);
    // The same file checked first (试导入): 200 with the same problems, kept as a check, not as a refused import.
    const checked = await upload('admin', 'classes', bad, '有错的文件.xlsx', true);
    expect(checked.status).toBe(200);
    expect(checked.json().errors).toEqual(report.errors);
    const { imports } = (await call('GET', '/api/imports', 'admin')).json();
    expect(imports.filter((i: any) => i.fileName === '有错的文件.xlsx').map((i: any) => i.status)).toEqual(['checked', 'refused']);
  });

  test.each([
    ['targets', ['430182', '430102']],
    ['classes', []],
  ] as const)('the %s template uploaded unchanged: 422 naming each example row, nothing written (no fake class, no real target changed)', async (kind, counties) => {
    const before = await metricsOfYear(3);
    const targets = await Promise.all(counties.map((code) => countyRow('2021-01', code)));
    const response = await upload('admin', kind, new Uint8Array(await renderImportTemplate(kind)), `${kind}模板.xlsx`);
    expect(response.status).toBe(422);
    expect(response.json().errors.map((e: any) => e.message)).toEqual(
      IMPORT_EXAMPLES[kind].map((_, i) => `第${i + 2}行是模板的示例行，请删除后再导入`),
    );
    expect(await metricsOfYear(3)).toEqual(before);
    expect((await Promise.all(counties.map((code) => countyRow('2021-01', code)))).map((r) => r.target)).toEqual(targets.map((r) => r.target));
  });

  test('a city leader’s rows outside the city are errors naming the row; the city’s history is the city’s alone', async () => {
    const response = await upload('city', 'classes', await classesXlsx([GOOD[0]!, ['K2021201', '430202', '2021-03-01', null, 20, 0, 0]]), '长沙.xlsx');
    expect(response.status).toBe(422);
    expect(response.json().errors).toEqual([expect.objectContaining({ row: 3, message: expect.stringContaining('长沙市') })]);
    const { imports } = (await call('GET', '/api/imports', 'city')).json();
    expect(imports.map((i: any) => i.scope)).toEqual(['430100']);
    expect((await call('GET', `/api/imports/${imports[0].id - 1}/report.xlsx`, 'city')).status).toBe(403);
  });

  test('county staff cannot import', async () => {
    const response = await upload('county', 'classes', await classesXlsx(GOOD), '宁乡.xlsx');
    expect(response.status).toBe(403);
    expect(response.json().error.message).toMatch(/^无权导入/);
  });

  test('a closed month is refused with the month named, and accepted once the administrator reopens it', async () => {
    expect((await call('POST', '/api/periods/2021-04/close', 'admin')).status).toBe(200);
    expect((await call('POST', '/api/periods/2021-04/close', 'admin')).json().error.message).toBe('2021年4月已关账');
    expect((await call('GET', '/api/freshness?period=2021-04', 'admin')).json()).toMatchObject({ closed: true, closedBy: 'admin' });
    const april = await classesXlsx([['K2021301', '430182', '2021-04-02', null, 20, 0, 0]]);
    const refused = await upload('admin', 'classes', april, '4月.xlsx');
    expect(refused.status).toBe(422);
    expect(refused.json().errors[0].message).toContain('2021年4月已关账');
    expect((await call('POST', '/api/periods/2021-04/reopen', 'admin')).status).toBe(200);
    expect((await call('POST', '/api/periods/2021-04/reopen', 'admin')).status).toBe(409);
    expect((await upload('admin', 'classes', april, '4月.xlsx')).status).toBe(201);
  });
});

function textForm(field: string): FormData {
  const data = new FormData();
  data.append(field, 'abc');
  return data;
}

describe('hostile input', () => {
  test('a file over 20 MB is a 413 in Chinese', async () => {
    const response = await upload('admin', 'classes', new Uint8Array(21 * 1024 * 1024), 'big.xlsx');
    expect(response.status).toBe(413);
    expect(response.json().error.message).toBe('请求内容过大：此接口最多接受 20 MB');
  });

  test.each<[string, () => FormData | string, string | undefined, string, string]>([
    ['no file', () => textForm('note'), undefined, 'kind=classes', '参数 file'],
    ['a wrong field', () => form(new Uint8Array([1]), 'a.csv', 'upload'), undefined, 'kind=classes', '应为 file'],
    ['text in the field', () => textForm('file'), undefined, 'kind=classes', '参数 file'],
    ['not multipart', () => '{"file":"x"}', 'application/json', 'kind=classes', '参数 file'],
    ['an unknown kind', () => form(new Uint8Array([1]), 'a.csv'), undefined, 'kind=teachers', '参数 kind'],
    ['no kind', () => form(new Uint8Array([1]), 'a.csv'), undefined, '', '参数 kind'],
    ['dryRun=2', () => form(new Uint8Array([1]), 'a.csv'), undefined, 'kind=classes&dryRun=2', '参数 dryRun'],
  ])('%s is a 400 naming the field', async (_, body, contentType, query, named) => {
    const response = await call('POST', `/api/imports?${query}`, 'admin', body(), contentType);
    expect(response.status).toBe(400);
    expect(response.json().error.message).toContain(named);
  });

  test('an id that is no number, or no upload, is a 400 or a 404', async () => {
    expect((await call('GET', '/api/imports/abc/report.xlsx', 'admin')).status).toBe(400);
    expect((await call('POST', '/api/imports/99999/revert', 'admin')).status).toBe(404);
  });
});

describe('the no-data rule and the demo', () => {
  test('never fires for the demo year: the demo marks every month as arrived', async () => {
    const { db: demo } = await prepareDb({ url: ':memory:' });
    const contexts = await loadAlertContexts(demo, { year: 2020, month: 12 });
    for (let month = 1; month <= 12; month++) {
      const at = { city: { ...contexts.city, period: { year: 2020, month } }, county: { ...contexts.county, period: { year: 2020, month } } };
      expect(alertsOfMonth(at).filter((a) => a.rule === 'no-data')).toEqual([]);
    }
  });
});
