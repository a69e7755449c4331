/**
 * The permission matrix: every role × every route, over real HTTP with real sessions, against a demo database.
 * Expected answers come from the table of posts, written out by hand below, not from `can`.
 */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { createNote, getUserByLogin, openAction, prepareDb, stepActionRow, storeImportAttempt, writeDataBatch, type Db } from '@dispatch/db';
import { addDays, beijingDate, DEFAULT_ALERT_SETTINGS, type Role } from '@dispatch/core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from './app.ts';
import { ensureAccount, TEST_PASSWORD } from './testing/test-session.ts';

let db: Db;
let server: ServerType;
let base: string;

/** One account per post: 长沙's city leader, 宁乡 (in 长沙) county staff, a read-only user for 株洲. */
const ACCOUNTS: Record<string, { role: Role; region: string }> = {
  admin: { role: 'province-admin', region: '430000' },
  official: { role: 'province-official', region: '430000' },
  city: { role: 'city-leader', region: '430100' },
  county: { role: 'county-staff', region: '430182' },
  viewer: { role: 'viewer', region: '430200' },
};
type Who = 'anon' | keyof typeof ACCOUNTS;
const WHO: Who[] = ['anon', ...Object.keys(ACCOUNTS)];

interface Session {
  cookie: string;
  csrfToken: string;
}
const sessions = new Map<string, Session>();

/** Every body any route answered, to check that no password hash ever leaves. */
const bodies: string[] = [];

async function call(method: string, path: string, session?: Session, body?: unknown, extra: Record<string, string> = {}) {
  const headers: Record<string, string> = { origin: base, ...extra };
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (body !== undefined && !(body instanceof FormData)) headers['content-type'] = 'application/json';
  const sent = body === undefined || body instanceof FormData ? body : JSON.stringify(body);
  const response = await fetch(`${base}${path}`, { method, headers, body: sent });
  const text = await response.text();
  bodies.push(text);
  return { status: response.status, text, json: () => JSON.parse(text) as any, headers: response.headers };
}

async function signIn(login: string, password = TEST_PASSWORD): Promise<Session> {
  const response = await call('POST', '/api/auth/login', undefined, { login, password });
  if (response.status !== 200) throw new Error(`${login}: ${response.status} ${response.text}`);
  return { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken: response.json().csrfToken };
}

beforeAll(async () => {
  ({ db } = await prepareDb({ url: ':memory:' }));
  const app = createApp({ db });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [login, { role, region }] of Object.entries(ACCOUNTS)) {
    await ensureAccount(db, login, role, region);
    sessions.set(login, await signIn(login));
  }
  await ensureAccount(db, 'target', 'viewer', '430100');
  // Note 1: written by 长沙's leader on 宁乡, for the edit's row.
  const author = (await getUserByLogin(db, 'city'))!;
  await createNote(db, { regionCode: '430182', period: '2020-05', text: '受疫情影响，5月起集中开班' }, { actorId: author.id, actorLogin: 'city', address: null });
  await seedActions();
  await seedImports();
});

/** A targets file for 宁乡 (a county of 长沙) in 2021, outside the demo's year, as a province post and 长沙's leader upload it. */
const TARGETS_CSV = new TextEncoder().encode('县市区代码,年度,目标任务\n430182,2021,1000\n');
const targetsForm = () => {
  const form = new FormData();
  form.append('file', new Blob([TARGETS_CSV], { type: 'text/csv' }), '目标任务2021.csv');
  return form;
};
/** An applied import by the admin (the province's), and a refused upload of 长沙's leader (the city's). */
const IMPORT_IDS = { province: 0, city: 0 };
async function seedImports() {
  const admin = await getUserByLogin(db, 'admin');
  const actor = { actorId: admin!.id, actorLogin: 'admin', address: null };
  const rows = [{ regionCode: '430182', year: 2021, trainees: 1000 }];
  const written = await writeDataBatch(db, { kind: 'import', label: '矩阵', importKind: 'targets', targets: rows }, { actor });
  const attempt = { kind: 'targets' as const, fileName: '目标任务2021.csv', sha256: '0'.repeat(64), bytes: TARGETS_CSV, rows: 1 };
  IMPORT_IDS.province = await storeImportAttempt(db, { ...attempt, status: 'applied', problems: [], batchId: written.batchId, scope: null, counts: written }, actor);
  IMPORT_IDS.city = await storeImportAttempt(db, { ...attempt, status: 'refused', problems: [{ row: 2, column: '目标任务', message: '矩阵' }], scope: '430100' }, actor);
}

/** Supervision actions on 宁乡 (a county of 长沙) for the matrix: one to answer, and one answered per province post. */
const ACTION_IDS: { open: number; answered: Partial<Record<Who, number>>; toReturn: Partial<Record<Who, number>> } = { open: 0, answered: {}, toReturn: {} };
async function seedActions() {
  const official = await getUserByLogin(db, 'official');
  const city = await getUserByLogin(db, 'city');
  const as = (user: typeof official) => ({ actorId: user!.id, actorLogin: user!.login, address: null });
  const open = () =>
    openAction(db, { regionCode: '430182', period: '2020-05', kind: 'guidance', dueDate: addDays(beijingDate(new Date()), 10), requirement: '矩阵', alert: null }, as(official));
  const answered = async () => {
    const id = await open();
    await stepActionRow(db, { id, regionCode: '430182', fromVersion: 1, step: 'answer', to: 'answered', content: { situation: '甲', plan: '乙' } }, as(city));
    return id;
  };
  ACTION_IDS.open = await open();
  for (const who of WHO) {
    ACTION_IDS.answered[who] = await answered();
    ACTION_IDS.toReturn[who] = await answered();
  }
}

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

type Expect = Record<Who, number>;
const everyone = (status: number): Expect => ({ anon: 401, admin: status, official: status, city: status, county: status, viewer: status });
const provinceOnly = (status: number): Expect => ({ anon: 401, admin: status, official: status, city: 403, county: 403, viewer: 403 });
const adminOnly = (status: number): Expect => ({ anon: 401, admin: status, official: 403, city: 403, county: 403, viewer: 403 });

interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH';
  /** a path, or one per caller (a step that only one caller can take on the same action) */
  path: string | ((who: Who) => string);
  /** the OpenAPI path it exercises */
  route: string;
  body?: (who: Who) => unknown;
  expect: Expect;
}

const CASES: Case[] = [
  { method: 'GET', route: '/api/health', path: '/api/health', expect: { ...everyone(200), anon: 200 } },
  { method: 'GET', route: '/api/auth/me', path: '/api/auth/me', expect: everyone(200) },
  { method: 'GET', route: '/api/periods', path: '/api/periods', expect: everyone(200) },
  { method: 'GET', route: '/api/regions', path: '/api/regions', expect: everyone(200) },
  // The rankings' rows are public inside the system, as the bulletin's city and county tables are.
  { method: 'GET', route: '/api/metrics', path: '/api/metrics?period=2020-05&level=province', expect: everyone(200) },
  { method: 'GET', route: '/api/metrics', path: '/api/metrics?period=2020-05&level=city', expect: everyone(200) },
  { method: 'GET', route: '/api/metrics', path: '/api/metrics?period=2020-05&level=county', expect: everyone(200) },
  { method: 'GET', route: '/api/metrics', path: '/api/metrics?period=2020-05&level=county&parent=430200', expect: everyone(200) },
  { method: 'GET', route: '/api/exports/rankings.xlsx', path: '/api/exports/rankings.xlsx?period=2020-05&level=county', expect: everyone(200) },
  { method: 'GET', route: '/api/metrics/ranks', path: '/api/metrics/ranks?period=2020-05&level=city', expect: everyone(200) },
  { method: 'GET', route: '/api/metrics/ranks', path: '/api/metrics/ranks?period=2020-05&level=county&parent=430200', expect: everyone(200) },
  // Alerts are derived from the rankings' rows: as public inside the system as they are.
  { method: 'GET', route: '/api/alerts', path: '/api/alerts?period=2020-05', expect: everyone(200) },
  { method: 'GET', route: '/api/alerts', path: '/api/alerts?period=2020-05&level=county&parent=430200', expect: everyone(200) },
  { method: 'GET', route: '/api/alerts/summary', path: '/api/alerts/summary?period=2020-05', expect: everyone(200) },
  { method: 'GET', route: '/api/exports/alerts.xlsx', path: '/api/exports/alerts.xlsx?period=2020-05&severity=red', expect: everyone(200) },
  { method: 'GET', route: '/api/imports/templates/{file}', path: '/api/imports/templates/classes.xlsx', expect: everyone(200) },
  { method: 'GET', route: '/api/imports/templates/{file}', path: '/api/imports/templates/allocations.xlsx', expect: everyone(200) },
  { method: 'GET', route: '/api/settings/alerts', path: '/api/settings/alerts', expect: everyone(200) },
  { method: 'PUT', route: '/api/settings/alerts', path: '/api/settings/alerts', body: () => DEFAULT_ALERT_SETTINGS, expect: adminOnly(200) },
  // A region's alert history is its detail, like its series.
  { method: 'GET', route: '/api/regions/{code}/alerts', path: '/api/regions/430000/alerts', expect: everyone(200) },
  // A region's alerts are headline, like the month's alert list that names them.
  { method: 'GET', route: '/api/regions/{code}/alerts', path: '/api/regions/430100/alerts', expect: everyone(200) },
  { method: 'GET', route: '/api/regions/{code}/alerts', path: '/api/regions/430211/alerts', expect: everyone(200) },
  // The province's own trend is the bulletin's overall progress: for everyone.
  { method: 'GET', route: '/api/regions/{code}/series', path: '/api/regions/430000/series', expect: everyone(200) },
  // Detail: a city's or county's monthly series and its classes, within one's home region.
  { method: 'GET', route: '/api/regions/{code}/series', path: '/api/regions/430100/series', expect: { anon: 401, admin: 200, official: 200, city: 200, county: 403, viewer: 403 } },
  { method: 'GET', route: '/api/regions/{code}/series', path: '/api/regions/430182/series', expect: { anon: 401, admin: 200, official: 200, city: 200, county: 200, viewer: 403 } },
  { method: 'GET', route: '/api/regions/{code}/series', path: '/api/regions/430181/series', expect: { anon: 401, admin: 200, official: 200, city: 200, county: 403, viewer: 403 } },
  { method: 'GET', route: '/api/regions/{code}/series', path: '/api/regions/430200/series', expect: { anon: 401, admin: 200, official: 200, city: 403, county: 403, viewer: 200 } },
  { method: 'GET', route: '/api/regions/{code}/series', path: '/api/regions/430211/series', expect: { anon: 401, admin: 200, official: 200, city: 403, county: 403, viewer: 200 } },
  { method: 'GET', route: '/api/regions/{code}/classes', path: '/api/regions/430182/classes?period=2020-05', expect: { anon: 401, admin: 200, official: 200, city: 200, county: 200, viewer: 403 } },
  { method: 'GET', route: '/api/regions/{code}/classes', path: '/api/regions/430102/classes?period=2020-05', expect: { anon: 401, admin: 200, official: 200, city: 200, county: 403, viewer: 403 } },
  { method: 'GET', route: '/api/regions/{code}/classes', path: '/api/regions/430202/classes?period=2020-05', expect: { anon: 401, admin: 200, official: 200, city: 403, county: 403, viewer: 200 } },
  // Notes explain numbers every post sees (the rankings, the alerts) and the bulletin prints them: headline.
  { method: 'GET', route: '/api/notes', path: '/api/notes?period=2020-05', expect: everyone(200) },
  { method: 'GET', route: '/api/notes', path: '/api/notes?city=430200&level=county', expect: everyone(200) },
  { method: 'GET', route: '/api/notes/{id}', path: '/api/notes/1', expect: everyone(200) },
  // Writing one is write:supervision for its region: province posts anywhere, a city leader in their city and counties.
  {
    method: 'POST', route: '/api/notes', path: '/api/notes', body: (who) => ({ regionCode: '430182', period: '2020-05', text: `${who} 的说明` }),
    expect: { anon: 401, admin: 201, official: 201, city: 201, county: 403, viewer: 403 },
  },
  {
    method: 'POST', route: '/api/notes', path: '/api/notes', body: (who) => ({ regionCode: '430211', period: '2020-05', text: `${who} 的说明` }),
    expect: { anon: 401, admin: 201, official: 201, city: 403, county: 403, viewer: 403 },
  },
  // Editing is its author's alone (长沙's leader wrote note 1), and they must still hold write:supervision there.
  {
    method: 'PATCH', route: '/api/notes/{id}', path: '/api/notes/1', body: (who) => ({ text: `由 ${who} 修改`, version: 1 }),
    expect: { anon: 401, admin: 403, official: 403, city: 200, county: 403, viewer: 403 },
  },
  // Funds: everyone reads the table and the rounds; the suggestion, recording and revoking are the province posts'.
  { method: 'GET', route: '/api/funds', path: '/api/funds?period=2020-06&level=county', expect: everyone(200) },
  { method: 'GET', route: '/api/funds', path: '/api/funds?period=2020-06&level=city', expect: everyone(200) },
  { method: 'POST', route: '/api/funds/suggestion', path: '/api/funds/suggestion', body: () => ({ period: '2020-06', total: 10_000_000 }), expect: provinceOnly(200) },
  { method: 'GET', route: '/api/reallocations', path: '/api/reallocations', expect: everyone(200) },
  {
    method: 'POST',
    route: '/api/reallocations',
    path: '/api/reallocations',
    body: (who) => ({ date: '2020-07-15', documentNumber: `湘人社函〔2020〕${who}号`, lines: [{ regionCode: '430182', amount: 10_000 }] }),
    expect: provinceOnly(201),
  },
  // The official, allowed, finds round 1 already revoked by the admin.
  { method: 'POST', route: '/api/reallocations/{round}/revoke', path: '/api/reallocations/1/revoke', body: () => ({ reason: '测试撤销' }), expect: { ...provinceOnly(200), official: 409 } },
  // The province admin's alone.
  { method: 'GET', route: '/api/users', path: '/api/users', expect: adminOnly(200) },
  {
    method: 'POST',
    route: '/api/users',
    path: '/api/users',
    body: (who) => ({ login: `new-by-${who}`, displayName: '新账号', role: 'viewer', regionCode: '430300', password: 'Xiangtan2020a' }),
    expect: adminOnly(201),
  },
  { method: 'POST', route: '/api/users/{login}/password', path: '/api/users/target/password', body: () => ({ password: 'Target2020new' }), expect: adminOnly(200) },
  { method: 'PATCH', route: '/api/users/{login}', path: '/api/users/target', body: (who) => ({ displayName: `由 ${who} 修改` }), expect: adminOnly(200) },
  { method: 'GET', route: '/api/audit', path: '/api/audit', expect: adminOnly(200) },
  // Supervision actions: read within one's detail scope; opened, accepted and returned by province posts; answered
  // by the region's side alone (the city leader of 长沙 for 宁乡), never by a province post for it.
  { method: 'GET', route: '/api/actions', path: '/api/actions', expect: everyone(200) },
  { method: 'GET', route: '/api/actions', path: '/api/actions?regionCode=430182', expect: { anon: 401, admin: 200, official: 200, city: 200, county: 200, viewer: 403 } },
  { method: 'GET', route: '/api/actions/{id}', path: () => `/api/actions/${ACTION_IDS.open}`, expect: { anon: 401, admin: 200, official: 200, city: 200, county: 200, viewer: 403 } },
  {
    method: 'POST',
    route: '/api/actions',
    path: '/api/actions',
    body: () => ({ regionCode: '430182', period: '2020-05', kind: 'guidance', dueDate: addDays(beijingDate(new Date()), 10), requirement: '矩阵' }),
    expect: { anon: 401, admin: 201, official: 201, city: 403, county: 403, viewer: 403 },
  },
  {
    method: 'POST',
    route: '/api/actions/{id}/answer',
    path: () => `/api/actions/${ACTION_IDS.open}/answer`,
    body: () => ({ situation: '情况', plan: '措施' }),
    expect: { anon: 401, admin: 403, official: 403, city: 200, county: 403, viewer: 403 },
  },
  {
    method: 'POST',
    route: '/api/actions/{id}/accept',
    path: (who) => `/api/actions/${ACTION_IDS.answered[who]}/accept`,
    expect: { anon: 401, admin: 200, official: 200, city: 403, county: 403, viewer: 403 },
  },
  {
    method: 'POST',
    route: '/api/actions/{id}/return',
    path: (who) => `/api/actions/${ACTION_IDS.toReturn[who]}/return`,
    body: () => ({ reason: '理由' }),
    expect: { anon: 401, admin: 200, official: 200, city: 403, county: 403, viewer: 403 },
  },
  { method: 'GET', route: '/api/tasks', path: '/api/tasks', expect: everyone(200) },
  // The bulletin's draft is what every city receives: read by every post, a city's extract too; its text is saved by
  // the posts that publish bulletins (each from the version it saw: the second province post finds it moved on).
  { method: 'GET', route: '/api/bulletins/draft', path: '/api/bulletins/draft?period=2020-05', expect: everyone(200) },
  { method: 'GET', route: '/api/bulletins/draft', path: '/api/bulletins/draft?period=2020-05&city=430200', expect: everyone(200) },
  // Its files are the same draft: the PDF and Word of a city's extract, the Excel of the attachments.
  { method: 'GET', route: '/api/bulletins/draft', path: '/api/bulletins/draft?period=2020-05&city=430200&format=pdf', expect: everyone(200) },
  { method: 'GET', route: '/api/bulletins/draft', path: '/api/bulletins/draft?period=2020-05&city=430200&format=docx', expect: everyone(200) },
  { method: 'GET', route: '/api/bulletins/draft', path: '/api/bulletins/draft?period=2020-05&format=xlsx', expect: everyone(200) },
  {
    method: 'PUT', route: '/api/bulletins/draft/{period}', path: '/api/bulletins/draft/2020-05', body: (who) => ({ edits: { problems: `${who} 的问题` }, version: 0 }),
    expect: { ...provinceOnly(200), official: 409 },
  },
  // Issuing freezes a month's bulletin: the posts that publish bulletins (the second finds the month issued); the
  // archive and its files are what every city received; a correction only of the latest version (the second finds it
  // corrected already).
  { method: 'POST', route: '/api/bulletins', path: '/api/bulletins', body: () => ({ period: '2020-04' }), expect: { ...provinceOnly(201), official: 409 } },
  { method: 'GET', route: '/api/bulletins', path: '/api/bulletins', expect: everyone(200) },
  { method: 'GET', route: '/api/bulletins/{file}', path: '/api/bulletins/1.pdf', expect: everyone(200) },
  { method: 'GET', route: '/api/bulletins/{file}', path: '/api/bulletins/1.docx', expect: everyone(200) },
  { method: 'GET', route: '/api/bulletins/{file}', path: '/api/bulletins/1.xlsx', expect: everyone(200) },
  // An issued bulletin's city extract, frozen with it: read:headline like the bulletin itself (every city receives the
  // bulletin), so a city's leader reads other cities' extracts too, as with the draft's.
  { method: 'GET', route: '/api/bulletins/{file}', path: '/api/bulletins/1.pdf?city=430100', expect: everyone(200) },
  { method: 'GET', route: '/api/bulletins/{file}', path: '/api/bulletins/1.docx?city=430200', expect: everyone(200) },
  { method: 'POST', route: '/api/bulletins/{id}/correct', path: '/api/bulletins/1/correct', expect: { ...provinceOnly(201), official: 409 } },
  // Imports: the province posts load the province's data, a city leader the city's (a file of 宁乡 here); county staff
  // and viewers none. The history, a report and a revert follow the upload's scope: a city leader's own city's alone.
  { method: 'POST', route: '/api/imports', path: '/api/imports?kind=targets&dryRun=1', body: targetsForm, expect: { anon: 401, admin: 200, official: 200, city: 200, county: 403, viewer: 403 } },
  { method: 'GET', route: '/api/imports', path: '/api/imports', expect: { anon: 401, admin: 200, official: 200, city: 200, county: 403, viewer: 403 } },
  { method: 'GET', route: '/api/imports/{id}/report.xlsx', path: () => `/api/imports/${IMPORT_IDS.city}/report.xlsx`, expect: { anon: 401, admin: 200, official: 200, city: 200, county: 403, viewer: 403 } },
  { method: 'GET', route: '/api/imports/{id}/report.xlsx', path: () => `/api/imports/${IMPORT_IDS.province}/report.xlsx`, expect: { anon: 401, admin: 200, official: 200, city: 403, county: 403, viewer: 403 } },
  // The official finds the admin's revert done already.
  { method: 'POST', route: '/api/imports/{id}/revert', path: () => `/api/imports/${IMPORT_IDS.province}/revert`, expect: { anon: 401, admin: 200, official: 409, city: 403, county: 403, viewer: 403 } },
  // Freshness qualifies the rankings: as public inside the system. Closing a month is for the posts that publish the
  // bulletin (the official finds it closed); reopening it is the administrator's alone.
  { method: 'GET', route: '/api/freshness', path: '/api/freshness?period=2020-05', expect: everyone(200) },
  { method: 'POST', route: '/api/periods/{period}/close', path: '/api/periods/2021-12/close', expect: { ...provinceOnly(200), official: 409 } },
  { method: 'POST', route: '/api/periods/{period}/reopen', path: '/api/periods/2021-12/reopen', expect: adminOnly(200) },
  // Unknown paths: not even their absence is told to strangers.
  { method: 'GET', route: '', path: '/api/nothing-here', expect: everyone(404) },
];

describe('the permission matrix, over HTTP', () => {
  test.each(CASES.flatMap((c) => WHO.map((who) => [who, c.method, typeof c.path === 'string' ? c.path : c.route, c] as const)))('%s %s %s', async (who, method, _path, c) => {
    const path = typeof c.path === 'string' ? c.path : c.path(who);
    const response = await call(method, path, who === 'anon' ? undefined : sessions.get(who), c.body?.(who));
    expect(response.status).toBe(c.expect[who]);
    if (response.status === 403) expect(response.json().error).toEqual({ code: 'FORBIDDEN', message: expect.stringMatching(/^无权|^只能修改本人撰写的说明$/) });
    if (response.status === 401) expect(response.json().error.code).toBe('UNAUTHENTICATED');
  });

  test('a refusal says what was refused and why, in Chinese', async () => {
    expect((await call('GET', '/api/regions/430200/series', sessions.get('city'))).json().error.message).toBe(
      '无权查看株洲市的明细：市州用户（长沙市）只能查看长沙市范围内的明细',
    );
    expect((await call('GET', '/api/users', sessions.get('official'))).json().error.message).toBe('无权管理账号：省级用户（湖南省）没有此权限');
  });

  test('every route of the API is in the matrix (a new route must say who may call it)', async () => {
    const { paths } = (await call('GET', '/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(paths).flatMap(([path, methods]) => Object.keys(methods).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = new Set([...CASES.map((c) => `${c.method} ${c.route}`), 'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password']);
    expect(documented.filter((route) => !covered.has(route))).toEqual([]);
  });

  test('an unknown region is still a 400 for everyone, before any question of scope', async () => {
    for (const who of ['admin', 'county'] as const) {
      const response = await call('GET', '/api/regions/999999/series', sessions.get(who));
      expect(response.status).toBe(400);
      expect(response.json().error.message).toBe('参数 code（地区代码）：未知地区代码 999999');
    }
  });
});

describe('sessions', () => {
  test.each(Object.keys(ACCOUNTS))('%s can sign out; the session is then gone', async (login) => {
    const session = await signIn(login);
    expect((await call('POST', '/api/auth/logout', { ...session, csrfToken: 'wrong' })).status).toBe(403);
    expect((await call('POST', '/api/auth/logout', session)).status).toBe(200);
    expect((await call('GET', '/api/periods', session)).status).toBe(401);
    expect((await call('POST', '/api/auth/logout', session)).status).toBe(401);
  });

  test('a state-changing request without the session’s CSRF token is refused, and changes nothing', async () => {
    const admin = sessions.get('admin')!;
    const body = { login: 'csrf-victim', displayName: 'x', role: 'viewer', regionCode: '430100', password: 'Csrf2020abcd' };
    for (const token of [undefined, '', 'forged', sessions.get('city')!.csrfToken]) {
      const headers: Record<string, string> = { origin: base, cookie: admin.cookie, 'content-type': 'application/json' };
      if (token !== undefined) headers['x-csrf-token'] = token;
      const response = await fetch(`${base}/api/users`, { method: 'POST', headers, body: JSON.stringify(body) });
      expect(response.status).toBe(403);
      expect(((await response.json()) as any).error.code).toBe('CSRF');
    }
    // A form posted from another site (a form sets no header: no token) is refused by its origin before anything else.
    const crossSite = await fetch(`${base}/api/users`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', cookie: admin.cookie, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'login=x',
    });
    expect(crossSite.status).toBe(403);
    expect(((await crossSite.json()) as any).error.code).toBe('ORIGIN');
    expect((await db.$client.execute("SELECT count(*) AS n FROM users WHERE login = 'csrf-victim'")).rows[0]!.n).toBe(0);
  });

  test('an admin resetting a password ends that account’s sessions; the new password works', async () => {
    await ensureAccount(db, 'reset-me', 'city-leader', '430200');
    const victim = await signIn('reset-me');
    expect((await call('GET', '/api/regions/430200/series', victim)).status).toBe(200);
    expect((await call('POST', '/api/users/reset-me/password', sessions.get('admin'), { password: 'Reset2020new' })).status).toBe(200);
    expect((await call('GET', '/api/regions/430200/series', victim)).status).toBe(401);
    expect((await call('POST', '/api/auth/login', undefined, { login: 'reset-me', password: TEST_PASSWORD })).status).toBe(401);
    await signIn('reset-me', 'Reset2020new');
  });

  test('changing one’s own password needs the current one, ends every session, and the new one works', async () => {
    await ensureAccount(db, 'own-change', 'viewer', '430100');
    const [first, second] = [await signIn('own-change'), await signIn('own-change')];
    const wrong = await call('POST', '/api/auth/password', first, { currentPassword: 'not-it-123', newPassword: 'Changed2020x' });
    expect(wrong.status).toBe(400);
    expect(wrong.json().error.message).toBe('参数 currentPassword：当前密码不正确');
    const weak = await call('POST', '/api/auth/password', first, { currentPassword: TEST_PASSWORD, newPassword: 'short' });
    expect(weak.json().error.message).toBe('参数 newPassword：密码至少 10 个字符');
    expect((await call('POST', '/api/auth/password', first, { currentPassword: TEST_PASSWORD, newPassword: 'Changed2020x' })).status).toBe(200);
    expect((await call('GET', '/api/auth/me', first)).status).toBe(401);
    expect((await call('GET', '/api/auth/me', second)).status).toBe(401);
    await signIn('own-change', 'Changed2020x');
  });

  test('guessing the current password through an open session is held back like failed sign-ins', async () => {
    await ensureAccount(db, 'guessed', 'viewer', '430100');
    const session = await signIn('guessed');
    for (let i = 0; i < 5; i++) {
      expect((await call('POST', '/api/auth/password', session, { currentPassword: `guess-${i}-x`, newPassword: 'Guessed2020x' })).status).toBe(400);
    }
    const held = await call('POST', '/api/auth/password', session, { currentPassword: TEST_PASSWORD, newPassword: 'Guessed2020x' });
    expect(held.status).toBe(429);
    expect(held.headers.get('retry-after')).toMatch(/^\d+$/);
  });

  test('an expired session is not signed in', async () => {
    await ensureAccount(db, 'expiring', 'viewer', '430100');
    const session = await signIn('expiring');
    await db.$client.execute("UPDATE sessions SET expires_at = '2000-01-01T00:00:00.000Z' WHERE user_id = (SELECT id FROM users WHERE login = 'expiring')");
    expect((await call('GET', '/api/periods', session)).status).toBe(401);
  });

  test('sign-in is limited per address: after 30 failures even another account waits, with a message and Retry-After', async () => {
    // A separate server on its own database (the limiter counts in the database), so that the limit does not hold
    // back the other tests' sign-ins from this address.
    const { db: own } = await prepareDb({ url: ':memory:', demo: false });
    await ensureAccount(own, 'admin', 'province-admin', '430000');
    const app = createApp({ db: own });
    const other = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => other.once('listening', resolve));
    const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}/api/auth/login`;
    const attempt = (login: string, password: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login, password }) });
    try {
      for (let i = 0; i < 30; i++) expect((await attempt(`guess-${i % 6}`, `wrong-${i}`)).status).toBe(401);
      const held = await attempt('admin', TEST_PASSWORD);
      expect(held.status).toBe(429);
      expect(((await held.json()) as any).error.message).toMatch(/^登录失败次数过多，请 1[45] 分钟后再试$/);
      expect(Number(held.headers.get('retry-after'))).toBeGreaterThan(800);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe('what leaves the server', () => {
  test('no response of all the above carries a password hash', async () => {
    const hashes = (await db.$client.execute('SELECT password_hash FROM users')).rows.map((r) => String(r.password_hash));
    const salts = hashes.map((h) => h.split('$')[4]!);
    expect(bodies.length).toBeGreaterThan(150);
    for (const body of bodies) {
      expect(body).not.toContain('scrypt$');
      expect(body).not.toMatch(/password_?hash/i);
      for (const salt of salts) expect(body).not.toContain(salt);
    }
  });

  test('the audit log records who did what from where, and never a password', async () => {
    const audit = await call('GET', '/api/audit?action=user.&pageSize=200', sessions.get('admin'));
    const rows = audit.json().rows as any[];
    expect(rows.some((r) => r.action === 'user.create' && r.actorLogin === 'admin' && r.address === '127.0.0.1' && r.detail.login === 'new-by-admin')).toBe(true);
    expect(rows.some((r) => r.action === 'user.password' && r.actorLogin === 'admin' && r.detail.login === 'target')).toBe(true);
    const all = (await db.$client.execute('SELECT detail FROM audit_log')).rows.map((r) => String(r.detail));
    for (const detail of all) expect(detail).not.toMatch(/Xiangtan2020a|Target2020new|Reset2020new|Changed2020x|Test2020pass/);
  });
});
