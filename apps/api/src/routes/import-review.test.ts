/**
 * What the issue-12 review found in imports, reverts, closed months and the demo mark, over real HTTP against real
 * libSQL databases: real .xlsx files made with exceljs.
 */
import { prepareDb } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import { makeXlsx, openXlsx } from '../imports/testing.ts';
import { ensureAccount, listen, TEST_PASSWORD } from '../testing/test-session.ts';

interface Answer { status: number; bytes: Uint8Array; json: () => any }
interface Site {
  call(method: string, path: string, body?: FormData): Promise<Answer>;
  upload(kind: string, bytes: Uint8Array, name: string): Promise<Answer>;
  close(): void;
}

/** A server on a fresh database (with the demo or without), signed in as a province administrator. */
async function site(demo: boolean): Promise<Site> {
  const { db } = await prepareDb(demo ? { url: ':memory:' } : { url: ':memory:', demo: false });
  const server = await listen(createApp({ db }).fetch);
  const { base } = server;
  await ensureAccount(db, 'admin', 'province-admin', '430000');
  const login = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ login: 'admin', password: TEST_PASSWORD }) });
  const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
  const csrf = ((await login.json()) as any).csrfToken as string;
  const call: Site['call'] = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, { method, headers: { origin: base, cookie, 'x-csrf-token': csrf }, body });
    const bytes = new Uint8Array(await response.arrayBuffer());
    return { status: response.status, bytes, json: () => JSON.parse(new TextDecoder().decode(bytes)) };
  };
  return {
    call,
    upload(kind, bytes, name) {
      const data = new FormData();
      data.append('file', new Blob([bytes]), name);
      return call('POST', `/api/imports?kind=${kind}`, data);
    },
    close: () => {
      void server.close();
      db.$client.close();
    },
  };
}

const CLASS_HEADERS = ['培训班编号', '县市区代码', '培训机构', '工种', '培训类型', '开班日期', '结业日期', '开班人数', '结业人数', '补贴人数', '补贴标准（元/人）'];
type ClassRow = [no: string, region: string, opened: string, finished: string | null, enrolled: number, completed: number, subsidised: number];
const classesXlsx = (rows: ClassRow[]) =>
  makeXlsx({ 培训班: [CLASS_HEADERS, ...rows.map(([no, region, opened, finished, enrolled, completed, subsidised]) => [no, region, '宁乡市职业技术培训学校', '育婴员', '以工代训', opened, finished, enrolled, completed, subsidised, 1100])] });
const targetsXlsx = (trainees: number) => makeXlsx({ 目标任务: [['县市区代码', '年度', '目标任务（人）'], ['430182', 2021, trainees], ['430103', 2021, 800]] });
const allocationsXlsx = () => makeXlsx({ 资金分配: [['县市区代码', '年度', '资金分配（元）'], ['430182', 2021, 3_000_000]] });

describe('without the demo', () => {
  let s: Site;
  let targetsId: number;
  beforeAll(async () => {
    s = await site(false);
    const targets = await s.upload('targets', await targetsXlsx(1000), '目标任务2021.xlsx');
    expect(targets.status).toBe(201);
    targetsId = targets.json().id;
  });
  afterAll(() => s.close());

  test('a refused revert names the blocking upload by its time, file and record number (not a batch id)', async () => {
    const first = await s.upload('classes', await classesXlsx([['K2021001', '430182', '2021-01-05', null, 40, 0, 0]]), '1月培训班.xlsx');
    expect(first.status).toBe(201);
    const fix = await s.upload('classes', await classesXlsx([['K2021001', '430182', '2021-01-05', '2021-01-25', 40, 38, 30]]), '1月培训班（更正）.xlsx');
    expect(fix.json()).toMatchObject({ updated: 1 });
    const refused = await s.call('POST', `/api/imports/${first.json().id}/revert`);
    expect(refused.status).toBe(409);
    const { imports } = (await s.call('GET', '/api/imports')).json();
    const blocking = imports.find((i: any) => i.id === fix.json().id);
    const at = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Asia/Shanghai', dateStyle: 'short', timeStyle: 'short' }).format(new Date(blocking.importedAt));
    expect(refused.json().error.message).toBe(`之后的导入又修改了本次导入的数据，请先撤销 ${at} 导入的「1月培训班（更正）.xlsx」（第${fix.json().id}号）`);
  });

  test('the review’s sequence: a one-row file twice, the first reverted — the county-month is missing again and the no-data alert fires', async () => {
    const file = await classesXlsx([['K2021101', '430103', '2021-01-08', null, 20, 0, 0]]);
    const first = await s.upload('classes', file, '天心区1月.xlsx');
    expect(first.json()).toMatchObject({ inserted: 1 });
    expect((await s.upload('classes', file, '天心区1月.xlsx')).json()).toMatchObject({ inserted: 0, updated: 0, unchanged: 1 });
    const county = async () => (await s.call('GET', '/api/freshness?period=2021-01')).json().regions.find((r: any) => r.regionCode === '430103');
    expect((await county()).lastArrivedAt).not.toBeNull();
    expect((await s.call('POST', `/api/imports/${first.json().id}/revert`)).status).toBe(200);
    expect((await s.call('GET', '/api/metrics?period=2021-01&level=county')).json().rows.find((r: any) => r.code === '430103')).toMatchObject({ classesOpened: 0 });
    expect((await county()).lastArrivedAt).toBeNull();
    const { alerts } = (await s.call('GET', '/api/alerts?period=2021-01&rule=no-data')).json();
    expect(alerts.find((a: any) => a.regionCode === '430103')).toMatchObject({ message: '2021年1月数据尚未报送' });
  });

  test('a closed month refuses the year’s targets and allocations and their revert, naming the month; accepted once reopened', async () => {
    expect((await s.call('POST', '/api/periods/2021-01/close')).status).toBe(200);
    const words = '2021年1月已关账：目标任务和资金分配影响全年各月，请管理员先重新开账';
    const before = (await s.call('GET', '/api/metrics?period=2021-01&level=county')).json();
    const targets = await s.upload('targets', await targetsXlsx(1200), '目标任务2021（调整）.xlsx');
    expect(targets.status).toBe(422);
    expect(targets.json().errors).toEqual([{ row: null, column: null, message: words }]);
    const allocations = await s.upload('allocations', await allocationsXlsx(), '资金分配2021.xlsx');
    expect(allocations.status).toBe(422);
    expect(allocations.json().errors[0].message).toBe(words);
    const revert = await s.call('POST', `/api/imports/${targetsId}/revert`);
    expect(revert.status).toBe(409);
    expect(revert.json().error.message).toBe(words);
    expect((await s.call('GET', '/api/metrics?period=2021-01&level=county')).json()).toEqual(before);
    expect((await s.call('POST', '/api/periods/2021-01/reopen')).status).toBe(200);
    expect((await s.upload('targets', await targetsXlsx(1200), '目标任务2021（调整）.xlsx')).status).toBe(201);
  });

  test('closing a month far outside the data is a 400: from the first year with data to next year', async () => {
    const next = new Date().getFullYear() + 1;
    for (const period of ['1999-01', '2020-12', `${next + 1}-01`, '2099-12']) {
      const response = await s.call('POST', `/api/periods/${period}/close`);
      expect(response.status, period).toBe(400);
      expect(response.json().error.message).toBe(`只能关账2021年至${next}年的月份（有数据的第一年至明年）`);
    }
    expect((await s.call('POST', `/api/periods/${next}-12/close`)).status).toBe(200);
    expect((await s.call('POST', `/api/periods/${next}-12/reopen`)).status).toBe(200);
  });
});

describe('with the demo', () => {
  let s: Site;
  beforeAll(async () => {
    s = await site(true);
  });
  afterAll(() => s.close());

  test('demo is per year: after importing 2021 rows, 2021 is not demo and its exports carry no mark; 2020 still is', async () => {
    expect((await s.call('GET', '/api/periods')).json()).toMatchObject({ latest: '2020-12', demo: true, demoYears: [2020] });
    expect((await s.upload('targets', await targetsXlsx(1000), '目标任务2021.xlsx')).status).toBe(201);
    expect((await s.upload('classes', await classesXlsx([['K2021001', '430182', '2021-01-05', null, 40, 0, 0]]), '1月培训班.xlsx')).status).toBe(201);
    expect((await s.call('GET', '/api/periods')).json()).toMatchObject({ latest: '2021-01', demo: false, demoYears: [2020] });
    const title = async (period: string) => {
      const response = await s.call('GET', `/api/exports/rankings.xlsx?period=${period}&level=city`);
      expect(response.status).toBe(200);
      return String((await openXlsx(response.bytes)).worksheets[0]!.getCell(1, 1).value);
    };
    expect(await title('2021-01')).not.toContain('演示数据');
    expect(await title('2020-12')).toContain('演示数据');
  });
});
