/** Notes on the numbers over real HTTP: who may write where, edits by their author only, history, audit, validation. */
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import type { Role } from '@dispatch/core';
import { prepareDb, type Db } from '@dispatch/db';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../app.ts';
import { ensureAccount, TEST_PASSWORD } from '../testing/test-session.ts';

let db: Db;
let server: ServerType;
let base: string;
const sessions = new Map<string, { cookie: string; csrfToken: string }>();

/** 长沙's leader; 宁乡 (430182, in 长沙) county staff; 株洲's leader; a province official. */
const ACCOUNTS: Record<string, [Role, string]> = {
  changsha: ['city-leader', '430100'],
  ningxiang: ['county-staff', '430182'],
  zhuzhou: ['city-leader', '430200'],
  official: ['province-official', '430000'],
};

async function call(method: string, path: string, who?: string, body?: unknown) {
  const session = who ? sessions.get(who) : undefined;
  const headers: Record<string, string> = { origin: base };
  if (session) headers.cookie = session.cookie;
  if (session && method !== 'GET') headers['x-csrf-token'] = session.csrfToken;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${base}${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as any };
}

const post = (who: string, body: unknown) => call('POST', '/api/notes', who, body);
const patch = (who: string, id: number, body: unknown) => call('PATCH', `/api/notes/${id}`, who, body);
const auditOf = async (action: string) =>
  (await db.$client.execute({ sql: 'SELECT actor_login, region_code, detail FROM audit_log WHERE action = ? ORDER BY id', args: [action] })).rows.map((r) => ({
    actor: r.actor_login,
    region: r.region_code,
    detail: JSON.parse(String(r.detail)),
  }));

beforeAll(async () => {
  ({ db } = await prepareDb({ url: ':memory:' }));
  const app = createApp({ db });
  await new Promise<void>((resolve) => {
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve());
  });
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  for (const [login, [role, region]] of Object.entries(ACCOUNTS)) {
    await ensureAccount(db, login, role, region);
    const response = await fetch(`${base}/api/auth/login`, {
      method: 'POST', headers: { origin: base, 'content-type': 'application/json' }, body: JSON.stringify({ login, password: TEST_PASSWORD }),
    });
    const { csrfToken } = (await response.json()) as { csrfToken: string };
    sessions.set(login, { cookie: response.headers.get('set-cookie')!.split(';')[0]!, csrfToken });
  }
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('POST /api/notes', () => {
  test('a city leader writes on a county of their city: 201, version 1, its history and the audit line hold the text', async () => {
    const response = await post('changsha', { regionCode: '430182', period: '2020-05', text: '  受疫情影响，5月起集中开班  ' });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      regionCode: '430182', regionName: '宁乡市', level: 'county', parentCode: '430100', period: '2020-05', text: '受疫情影响，5月起集中开班',
      author: { login: 'changsha', name: 'changsha' }, version: 1, edited: false,
    });
    expect(response.body.history).toEqual([{ version: 1, text: '受疫情影响，5月起集中开班', editor: { login: 'changsha', name: 'changsha' }, at: response.body.createdAt }]);
    expect((await auditOf('note.create')).at(-1)).toEqual({
      actor: 'changsha', region: '430182', detail: { noteId: response.body.id, period: '2020-05', text: '受疫情影响，5月起集中开班' },
    });
  });

  test.each([
    ['changsha', '430211', '无权撰写天元区的情况说明：市州用户（长沙市）只能撰写长沙市范围内的情况说明'],
    ['ningxiang', '430182', '无权撰写宁乡市的情况说明：县市区用户（宁乡市）没有此权限'],
  ])('%s writing on %s is refused: 403, nothing stored', async (who, regionCode, message) => {
    const before = (await db.$client.execute('SELECT count(*) AS n FROM region_notes')).rows[0]!.n;
    const response = await post(who, { regionCode, period: '2020-05', text: '说明' });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe(message);
    expect((await db.$client.execute('SELECT count(*) AS n FROM region_notes')).rows[0]!.n).toBe(before);
  });

  test.each([
    [{ regionCode: '430182', period: '2020-05', text: '   ' }, '参数 text（说明内容）：说明内容不能为空'],
    [{ regionCode: '430182', period: '2020-05' }, '参数 text（说明内容）：请填写说明内容'],
    [{ regionCode: '430182', period: '2020-05', text: '字'.repeat(501) }, '参数 text（说明内容）：说明不超过 500 个字，现有 501 个字'],
    [{ regionCode: '439999', period: '2020-05', text: '说明' }, '参数 regionCode（地区代码）：未知地区代码 439999'],
    [{ regionCode: '43018', period: '2020-05', text: '说明' }, '参数 regionCode（地区代码）：地区代码应为 6 位数字（GB/T 2260），如 430100'],
    [{ regionCode: '430000', period: '2020-05', text: '说明' }, '参数 regionCode（地区代码）：情况说明写在市州或县市区的数字旁，请选择市州或县市区'],
    [{ regionCode: '430182', period: '2020-13', text: '说明' }, '参数 period（月份）：期间应为 YYYY-MM，月份 01–12，如 2020-05'],
    [{ regionCode: '430182', period: '2019-05', text: '说明' }, '参数 period（月份）：2019-05 无数据；有数据的月份为 2020-01 至 2020-12'],
    [{ regionCode: '430182', period: '2020-05', text: '说明', extra: 1 }, '参数 extra：未知的键「extra」，不接受此项'],
  ])('%j is a 400 naming the field: %s', async (body, message) => {
    const response = await post('official', body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
  });
});

describe('PATCH /api/notes/:id', () => {
  let id: number;
  beforeAll(async () => {
    id = (await post('changsha', { regionCode: '430181', period: '2020-06', text: '6月开班集中在下旬' })).body.id;
  });

  test('its author edits it: 200, 已修改, two versions in its history, the audit line has before and after', async () => {
    const response = await patch('changsha', id, { text: '6月开班集中在下旬，7月结业', version: 1 });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ text: '6月开班集中在下旬，7月结业', version: 2, edited: true });
    expect(response.body.history.map((v: any) => [v.version, v.text, v.editor.login])).toEqual([
      [1, '6月开班集中在下旬', 'changsha'],
      [2, '6月开班集中在下旬，7月结业', 'changsha'],
    ]);
    expect((await auditOf('note.edit')).at(-1)).toEqual({
      actor: 'changsha', region: '430181', detail: { noteId: id, period: '2020-06', version: 2, before: '6月开班集中在下旬', after: '6月开班集中在下旬，7月结业' },
    });
  });

  test('an edit from a stale version is a 409 and changes nothing', async () => {
    const response = await patch('changsha', id, { text: '旧页面上的修改', version: 1 });
    expect(response.status).toBe(409);
    expect(response.body.error).toEqual({ code: 'CONFLICT', message: '该说明已被修改，请刷新后重试' });
    expect((await call('GET', `/api/notes/${id}`, 'changsha')).body).toMatchObject({ text: '6月开班集中在下旬，7月结业', version: 2 });
  });

  test('someone else, even a province official who may write there, cannot edit it: 403', async () => {
    const response = await patch('official', id, { text: '省里改的', version: 2 });
    expect(response.status).toBe(403);
    expect(response.body.error.message).toBe('只能修改本人撰写的说明');
    expect((await call('GET', `/api/notes/${id}`, 'official')).body.version).toBe(2);
  });

  test('two edits from the same version at once: one succeeds, the other is a 409', async () => {
    const [a, b] = await Promise.all([patch('changsha', id, { text: '甲', version: 2 }), patch('changsha', id, { text: '乙', version: 2 })]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const note = (await call('GET', `/api/notes/${id}`, 'changsha')).body;
    expect(note.version).toBe(3);
    expect(note.history).toHaveLength(3);
  });

  test.each([
    [{ text: '没有版本号' }, '参数 version（版本）：请给出所修改说明的版本号（version）'],
    [{ text: '', version: 3 }, '参数 text（说明内容）：说明内容不能为空'],
    [{ text: '甲', version: 0 }, '参数 version（版本）：版本号应为正整数'],
  ])('%j is a 400 naming the field', async (body, message) => {
    const response = await patch('changsha', id, body);
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe(message);
  });

  test('a character the bulletin cannot print (玗) is refused by name, written or edited; 镕 of 通用规范汉字表 is kept', async () => {
    const message = '参数 text（说明内容）：「玗、龘」不在通报所用字体（GB 2312 及《通用规范汉字表》）中，印出会缺字，请改用常用字';
    const notesBefore = (await call('GET', '/api/notes?period=2020-06', 'changsha')).body.notes.length;
    const created = await post('changsha', { regionCode: '430181', period: '2020-06', text: '王玗、龘同志来视察' });
    expect([created.status, created.body.error.message]).toEqual([400, message]);
    expect((await call('GET', '/api/notes?period=2020-06', 'changsha')).body.notes).toHaveLength(notesBefore);
    const { version } = (await call('GET', `/api/notes/${id}`, 'changsha')).body;
    const edited = await patch('changsha', id, { text: '王玗、龘同志来视察', version });
    expect([edited.status, edited.body.error.message]).toEqual([400, message]);
    expect((await call('GET', `/api/notes/${id}`, 'changsha')).body.version).toBe(version);
    const invisible = await post('changsha', { regionCode: '430181', period: '2020-06', text: '开班\u202e推迟' });
    expect([invisible.status, invisible.body.error.message]).toEqual([400, '参数 text（说明内容）：「U+202E」不在通报所用字体（GB 2312 及《通用规范汉字表》）中，印出会缺字，请改用常用字']);
    const kept = await patch('changsha', id, { text: '朱镕基路施工，开班推迟', version });
    expect([kept.status, kept.body.text]).toEqual([200, '朱镕基路施工，开班推迟']);
  });

  test('the same text again is a 400, not a silent new version', async () => {
    const { text, version } = (await call('GET', `/api/notes/${id}`, 'changsha')).body;
    const response = await patch('changsha', id, { text, version });
    expect(response.status).toBe(400);
    expect(response.body.error.message).toBe('参数 text（说明内容）：内容未改动');
  });

  test('an unknown note is a 404 to read or to edit; a bad id a 400', async () => {
    expect((await patch('changsha', 99999, { text: '甲', version: 1 })).status).toBe(404);
    const read = await call('GET', '/api/notes/99999', 'changsha');
    expect(read.status).toBe(404);
    expect(read.body.error.message).toBe('没有编号为 99999 的情况说明');
    expect((await call('GET', '/api/notes/abc', 'changsha')).body.error.message).toBe('参数 id（编号）：说明编号应为正整数');
  });
});

describe('GET /api/notes', () => {
  beforeAll(async () => {
    await post('zhuzhou', { regionCode: '430200', period: '2020-05', text: '株洲市5月' });
    await post('zhuzhou', { regionCode: '430211', period: '2020-05', text: '天元区5月' });
    await post('changsha', { regionCode: '430100', period: '2020-07', text: '长沙市7月' });
  });
  const texts = async (search: string) => {
    const response = await call('GET', `/api/notes?${search}`, 'ningxiang');
    expect(response.status).toBe(200);
    return (response.body.notes as any[]).map((n) => n.text);
  };

  test('filters by region, month, a city with its counties, and level; county staff read them all', async () => {
    expect(await texts('regionCode=430211')).toEqual(['天元区5月']);
    expect(await texts('city=430200')).toEqual(['株洲市5月', '天元区5月']);
    expect(await texts('city=430200&level=county')).toEqual(['天元区5月']);
    expect(await texts('period=2020-05&level=city')).toEqual(['株洲市5月']);
    expect(await texts('city=430100&period=2020-07')).toEqual(['长沙市7月']);
    expect(await texts('regionCode=430223')).toEqual([]);
  });

  test('a list carries no history; an unknown region or a county as city is a 400', async () => {
    const response = await call('GET', '/api/notes?regionCode=430182', 'official');
    expect(response.body.notes[0].history).toBeUndefined();
    expect((await call('GET', '/api/notes?regionCode=439999', 'official')).body.error.message).toBe('参数 regionCode（地区代码）：未知地区代码 439999');
    expect((await call('GET', '/api/notes?city=430182', 'official')).body.error.message).toBe('参数 city（市州）：430182 不是市州代码');
  });
});
