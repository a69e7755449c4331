/**
 * Supervision actions over real HTTP with the five posts (and a second city's leader, another county's staff), on a
 * demo database in a file: two sessions answering at once need a database that more than one connection can open.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { addDays, addYears, beijingDate, type Role } from '@dispatch/core';
import { prepareDb, type Db } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import { ensureAccount, TEST_PASSWORD } from '../testing/test-session.ts';

let dir: string;
let db: Db;
let server: ServerType;
let base: string;

const ACCOUNTS: Record<string, { role: Role; region: string }> = {
  admin: { role: 'province-admin', region: '430000' },
  official: { role: 'province-official', region: '430000' },
  city: { role: 'city-leader', region: '430100' },
  county: { role: 'county-staff', region: '430182' },
  viewer: { role: 'viewer', region: '430200' },
  zhuzhou: { role: 'city-leader', region: '430200' },
  liuyang: { role: 'county-staff', region: '430181' },
};
type Who = keyof typeof ACCOUNTS;
const sessions = new Map<Who, { cookie: string; csrfToken: string }>();

async function call(who: Who | null, method: string, path: string, body?: unknown) {
  const session = who ? sessions.get(who) : undefined;
  const headers: Record<string, string> = { origin: base };
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

const due = () => addDays(beijingDate(new Date()), 10);
const rectifyBy = () => addDays(beijingDate(new Date()), 30);
const NINGXIANG = '430182';

async function open(who: Who, body: Record<string, unknown> = {}) {
  return call(who, 'POST', '/api/actions', { regionCode: NINGXIANG, period: '2020-05', kind: 'guidance', dueDate: due(), requirement: '说明进度滞后的原因，提出整改措施', ...body });
}
async function openId(body: Record<string, unknown> = {}): Promise<number> {
  const response = await open('official', body);
  expect(response.status).toBe(201);
  return response.body.id;
}
const answer = (who: Who, id: number, body: Record<string, unknown> = {}) =>
  call(who, 'POST', `/api/actions/${id}/answer`, { situation: '受疫情影响，4月前未能开班', plan: '5月起集中开班，每周调度', ...body });

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'dispatch-actions-'));
  ({ db } = await prepareDb({ url: `file:${join(dir, 'actions.db')}` }));
  const app = createApp({ db });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [login, { role, region }] of Object.entries(ACCOUNTS)) {
    await ensureAccount(db, login, role, region);
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ login, password: TEST_PASSWORD }),
    });
    sessions.set(login as Who, { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await response.json()) as any).csrfToken });
  }
}, 60_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.$client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening an action', () => {
  test('province posts open; the city leader, county staff and viewers may not', async () => {
    expect((await open('official')).status).toBe(201);
    expect((await open('admin')).status).toBe(201);
    for (const who of ['city', 'county', 'viewer'] as const) {
      const response = await open(who);
      expect(response.status).toBe(403);
      expect(response.body.error.message).toMatch(/^无权下达宁乡市的督导事项/);
    }
  });

  test('opened from an alert, the action freezes that alert as /api/alerts gives it', async () => {
    const { body: list } = await call('official', 'GET', '/api/alerts?period=2020-05&rule=persistent-bottom&level=county');
    const alert = list.alerts[0];
    expect(alert).toBeDefined();
    const response = await open('official', { regionCode: alert.regionCode, kind: 'summons', alertRule: 'persistent-bottom' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ state: 'open', version: 1, kind: 'summons', alertRule: 'persistent-bottom', alert, overdue: false, openedBy: 'official' });
    expect(response.body.steps).toMatchObject([{ step: 'open', version: 1, actorLogin: 'official', content: { requirement: '说明进度滞后的原因，提出整改措施' } }]);
  });

  test.each([
    [{ regionCode: '999999' }, '参数 regionCode（地区代码）：未知地区代码 999999'],
    [{ regionCode: '430000' }, '参数 regionCode（地区代码）：督导事项针对市州或县市区，不能针对全省'],
    [{ period: '2019-05' }, '参数 period（月份）：2019-05 无数据；有数据的月份为 2020-01 至 2020-12'],
    [{ dueDate: '2020-02-30' }, '参数 dueDate（截止日期）：日期应为 YYYY-MM-DD 且为日历上的一天，如 2020-07-28'],
    [{ dueDate: '2020-07-28' }, /^参数 dueDate（截止日期）：截止日期不能早于今天（\d{4}年\d{1,2}月\d{1,2}日）$/],
    [{ dueDate: addYears(beijingDate(new Date()), 1) }, null],
    [{ dueDate: addDays(addYears(beijingDate(new Date()), 1), 1) }, /^参数 dueDate（截止日期）：截止日期不能晚于一年后（\d{4}年\d{1,2}月\d{1,2}日）$/],
    [{ requirement: '  ' }, '参数 requirement（督导要求）：请填写督导要求'],
    [{ requirement: '要'.repeat(1001) }, '参数 requirement（督导要求）：督导要求不超过 1000 个字'],
    [{ kind: 'talk' }, /^参数 kind（类型）：类型应为 guidance/],
    [{ extra: 1 }, '参数 extra：未知的键「extra」，不接受此项'],
    [{ regionCode: '430100', alertRule: 'fund-gap', period: '2020-01' }, '参数 alertRule（预警规则）：长沙市2020年1月没有「资金缺口」预警'],
  ])('%j is refused (null: accepted): %s', async (change, message) => {
    const response = await open('official', change);
    expect(response.status).toBe(message === null ? 201 : 400);
    if (message !== null) expect(response.body.error.message).toEqual(typeof message === 'string' ? message : expect.stringMatching(message));
  });
});

describe('the workflow: answer, return, answer again, accept', () => {
  test('each step by its side, wrong states refused with the reason, every step in the thread and the audit log', async () => {
    const id = await openId({ kind: 'summons', requirement: '约谈：说明连续排名靠后的原因' });
    // The province does not answer for a region; county staff and another city's leader may not either.
    expect((await answer('official', id)).body.error.message).toBe('无权答复：督导事项由被督导地区（市州用户）答复，省级岗位不代为答复');
    for (const who of ['admin', 'official', 'county', 'viewer', 'zhuzhou'] as const) expect((await answer(who, id)).status).toBe(403);
    // Nothing to review yet.
    const early = await call('official', 'POST', `/api/actions/${id}/accept`);
    expect([early.status, early.body.error.message]).toEqual([409, '该事项尚未答复，不能办结']);

    const answered = await answer('city', id, { rectifyBy: rectifyBy() });
    expect(answered.status).toBe(200);
    expect(answered.body).toMatchObject({ state: 'answered', version: 2 });
    const twice = await answer('city', id);
    expect([twice.status, twice.body.error.message]).toEqual([409, '该事项已答复，正在等待省级审核，不能重复答复']);
    // The city leader does not review; a return needs its reason.
    const review = await call('city', 'POST', `/api/actions/${id}/accept`, {});
    expect([review.status, review.body.error.message]).toEqual([403, '无权审核宁乡市的督导事项：市州用户（长沙市）没有此权限']);
    expect((await call('city', 'POST', `/api/actions/${id}/return`, { reason: '自己退回' })).status).toBe(403);
    const noReason = await call('official', 'POST', `/api/actions/${id}/return`, {});
    expect([noReason.status, noReason.body.error.message]).toEqual([400, '参数 reason（原因）：请填写退回理由']);

    expect((await call('official', 'POST', `/api/actions/${id}/return`, { reason: '整改措施没有时间表', version: 2 })).body).toMatchObject({ state: 'returned', version: 3 });
    expect((await answer('city', id, { plan: '6月15日前完成开班 20 个', version: 3 })).body).toMatchObject({ state: 'answered', version: 4 });
    expect((await call('admin', 'POST', `/api/actions/${id}/accept`)).body).toMatchObject({ state: 'closed', version: 5, overdue: false });
    const late = await answer('city', id);
    expect([late.status, late.body.error.message]).toEqual([409, '该事项已办结，不能再答复']);
    expect((await call('official', 'POST', `/api/actions/${id}/return`, { reason: '再退回' })).body.error.message).toBe('该事项已办结，不能再退回');

    const thread = (await call('county', 'GET', `/api/actions/${id}`)).body;
    expect(thread.steps.map((s: any) => [s.step, s.version, s.actorLogin, s.content])).toEqual([
      ['open', 1, 'official', { requirement: '约谈：说明连续排名靠后的原因' }],
      ['answer', 2, 'city', { situation: '受疫情影响，4月前未能开班', plan: '5月起集中开班，每周调度', rectifyBy: rectifyBy() }],
      ['return', 3, 'official', { reason: '整改措施没有时间表' }],
      ['answer', 4, 'city', { situation: '受疫情影响，4月前未能开班', plan: '6月15日前完成开班 20 个' }],
      ['accept', 5, 'admin', {}],
    ]);
    const audit = (
      await db.$client.execute({ sql: "SELECT actor_login, action, region_code, detail FROM audit_log WHERE action LIKE 'action.%' AND json_extract(detail, '$.actionId') = ? ORDER BY id", args: [id] })
    ).rows.map((r) => [r.actor_login, r.action, r.region_code, JSON.parse(String(r.detail))]);
    expect(audit).toEqual([
      ['official', 'action.open', NINGXIANG, { actionId: id, kind: 'summons', period: '2020-05', dueDate: due(), requirement: '约谈：说明连续排名靠后的原因' }],
      ['city', 'action.answer', NINGXIANG, { actionId: id, situation: '受疫情影响，4月前未能开班', plan: '5月起集中开班，每周调度', rectifyBy: rectifyBy() }],
      ['official', 'action.return', NINGXIANG, { actionId: id, reason: '整改措施没有时间表' }],
      ['city', 'action.answer', NINGXIANG, { actionId: id, situation: '受疫情影响，4月前未能开班', plan: '6月15日前完成开班 20 个' }],
      ['admin', 'action.accept', NINGXIANG, { actionId: id }],
    ]);
  });

  test('a step sent with a version someone else has moved past is a 409, and writes nothing', async () => {
    const id = await openId();
    expect((await answer('city', id)).status).toBe(200);
    const stale = await call('official', 'POST', `/api/actions/${id}/return`, { reason: '看的是旧版本', version: 1 });
    expect([stale.status, stale.body.error]).toEqual([409, { code: 'STALE', message: '该事项已被他人处理，请刷新后重试' }]);
    expect((await call('official', 'GET', `/api/actions/${id}`)).body).toMatchObject({ state: 'answered', version: 2 });
  });

  test('two sessions answering at once: exactly one 200, one 409, one answer stored', async () => {
    const id = await openId();
    const second = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ login: 'city', password: TEST_PASSWORD }),
    });
    sessions.set('city2' as Who, { cookie: second.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await second.json()) as any).csrfToken });
    const answers = await Promise.all([answer('city', id, { plan: '甲方案' }), answer('city2' as Who, id, { plan: '乙方案' })]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    expect(answers.find((a) => a.status === 409)!.body.error.message).toMatch(/^该事项(已被他人处理，请刷新后重试|已答复，正在等待省级审核，不能重复答复)$/);
    const thread = (await call('official', 'GET', `/api/actions/${id}`)).body;
    expect(thread.steps.filter((s: any) => s.step === 'answer')).toHaveLength(1);
    expect(thread.steps[1].content.plan).toBe(answers.find((a) => a.status === 200)!.body.steps[1].content.plan);
    const stored = await db.$client.execute({ sql: "SELECT count(*) AS n FROM audit_log WHERE action = 'action.answer' AND json_extract(detail, '$.actionId') = ?", args: [id] });
    expect(stored.rows[0]!.n).toBe(1);
  });
});

describe('who sees which actions', () => {
  test('county staff see their county’s actions and never another county’s; the city leader sees both', async () => {
    const ningxiang = await openId();
    const liuyang = await openId({ regionCode: '430181' });
    const zhuzhou = await openId({ regionCode: '430200' });
    const refused = await call('county', 'GET', `/api/actions/${liuyang}`);
    expect([refused.status, refused.body.error.message]).toEqual([403, '无权查看浏阳市的明细：县市区用户（宁乡市）只能查看宁乡市范围内的明细']);
    expect((await call('liuyang', 'GET', `/api/actions/${ningxiang}`)).status).toBe(403);
    const ids = async (who: Who, query = '') => (await call(who, 'GET', `/api/actions${query}`)).body.actions.map((a: any) => a.id);
    expect(await ids('county')).toContain(ningxiang);
    expect(await ids('county')).not.toContain(liuyang);
    expect(await ids('liuyang')).not.toContain(ningxiang);
    expect(await ids('city')).toEqual(expect.arrayContaining([ningxiang, liuyang]));
    expect(await ids('city')).not.toContain(zhuzhou);
    expect(await ids('viewer')).toContain(zhuzhou);
    expect(await ids('viewer')).not.toContain(ningxiang);
    expect(await ids('official', '?city=430200')).toEqual(expect.arrayContaining([zhuzhou]));
    expect(await ids('official', '?city=430200')).not.toContain(ningxiang);
    // Asking for another county by name is refused, not answered empty.
    expect((await call('county', 'GET', '/api/actions?regionCode=430181')).status).toBe(403);
    expect((await call('county', 'GET', '/api/actions?regionCode=999999')).status).toBe(400);
  });

  test('filters by state, kind and overdue; overdue is a past Beijing due date while the region’s answer is awaited', async () => {
    const late = await openId({ regionCode: '430300' });
    // Due dates in the past cannot be set through the API: this one has passed its day.
    await db.$client.execute({ sql: "UPDATE supervision_actions SET due_date = '2020-06-10' WHERE id = ?", args: [late] });
    const overdue = (await call('official', 'GET', '/api/actions?overdue=true')).body.actions;
    expect(overdue.map((a: any) => a.id)).toContain(late);
    expect(overdue.every((a: any) => a.overdue && (a.state === 'open' || a.state === 'returned'))).toBe(true);
    expect((await call('official', 'GET', '/api/actions?overdue=false')).body.actions.every((a: any) => !a.overdue)).toBe(true);
    const summons = (await call('official', 'GET', '/api/actions?kind=summons&state=closed')).body.actions;
    expect(summons.length).toBeGreaterThan(0);
    expect(summons.every((a: any) => a.kind === 'summons' && a.state === 'closed')).toBe(true);
    expect((await call('official', 'GET', '/api/actions?state=done')).status).toBe(400);
  });

  test('the to-do: the city leader’s actions awaiting an answer, the province’s answers awaiting review, nothing for others', async () => {
    const toAnswer = await openId({ regionCode: '430102' });
    const toReview = await openId({ regionCode: '430102' });
    expect((await answer('city', toReview)).status).toBe(200);
    const tasks = async (who: Who) => (await call(who, 'GET', '/api/tasks')).body;
    const city = await tasks('city');
    expect(city.actions.map((a: any) => a.id)).toContain(toAnswer);
    expect(city.actions.map((a: any) => a.id)).not.toContain(toReview);
    expect(city.actions.every((a: any) => ['open', 'returned'].includes(a.state) && (a.regionCode === '430100' || a.parentCode === '430100'))).toBe(true);
    expect(city.count).toBe(city.actions.length);
    const official = await tasks('official');
    expect(official.actions.map((a: any) => a.id)).toContain(toReview);
    expect(official.actions.every((a: any) => a.state === 'answered')).toBe(true);
    expect((await tasks('county')).count).toBe(0);
    expect((await tasks('viewer')).count).toBe(0);
  });
});

describe('what the API refuses, naming the parameter', () => {
  test('an answer promising to have rectified before today is a 400 naming rectifyBy; today is accepted', async () => {
    const id = await openId();
    const yesterday = addDays(beijingDate(new Date()), -1);
    const past = await answer('city', id, { rectifyBy: yesterday });
    expect([past.status, past.body.error.message]).toEqual([400, expect.stringMatching(/^参数 rectifyBy（整改完成时限）：整改完成时限不能早于今天（\d{4}年\d{1,2}月\d{1,2}日）$/)]);
    expect((await call('official', 'GET', `/api/actions/${id}`)).body).toMatchObject({ state: 'open', version: 1 });
    expect((await answer('city', id, { rectifyBy: beijingDate(new Date()) })).status).toBe(200);
  });

  test('?city= must name a city: a county or the province is a 400, an unknown code too', async () => {
    for (const code of ['430182', '430000']) {
      const response = await call('official', 'GET', `/api/actions?city=${code}`);
      expect([response.status, response.body.error.message]).toEqual([400, `参数 city（市州）：${code} 不是市州代码`]);
    }
    expect((await call('official', 'GET', '/api/actions?city=999999')).body.error.message).toBe('参数 city（市州）：未知地区代码 999999');
  });

  test.each(['0x5', '%205', '5%20', '1e3', '5.0', '-1', '0', '+5', 'abc', '05', '007'])('/api/actions/%s is a 400: only plain digits name an action', async (id) => {
    const response = await call('official', 'GET', `/api/actions/${id}`);
    expect([response.status, response.body.error.message]).toEqual([400, '参数 id（编号）：事项编号应为正整数']);
  });

  test.each([
    ['GET', '/api/notes/0x1', '参数 id（编号）：说明编号应为正整数'],
    ['PATCH', '/api/notes/%201', '参数 id（编号）：说明编号应为正整数'],
    ['POST', '/api/reallocations/0x1/revoke', '参数 round（轮次）：轮次应为正整数'],
    // a leading zero is another way to write 1: refused before it can revoke round 1
    ['POST', '/api/reallocations/01/revoke', '参数 round（轮次）：轮次应为正整数'],
    ['GET', '/api/notes/05', '参数 id（编号）：说明编号应为正整数'],
    ['POST', '/api/actions/0x1/accept', '参数 id（编号）：事项编号应为正整数'],
  ])('%s %s is a 400 too', async (method, path, message) => {
    const response = await call('admin', method, path, method === 'GET' ? undefined : { text: '受疫情影响', version: 1, reason: '文号有误' });
    expect([response.status, response.body.error.message]).toEqual([400, message]);
  });

  test('a plain number still names the action', async () => {
    const id = await openId();
    expect((await call('official', 'GET', `/api/actions/${id}`)).body.id).toBe(id);
    expect((await call('official', 'GET', '/api/actions/99999')).status).toBe(404);
  });
});
