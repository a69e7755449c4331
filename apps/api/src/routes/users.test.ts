import { prepareDb, type Db } from '@dispatch/db';
import { beforeEach, describe, expect, test } from 'vitest';
import { createApp, type App } from '../app.ts';
import { adminSession, ensureAccount, SAME_ORIGIN, signIn, TEST_PASSWORD, type TestSession } from '../testing/test-session.ts';

let db: Db;
let app: App;
let admin: TestSession;

beforeEach(async () => {
  ({ db } = await prepareDb({ url: ':memory:', demo: false }));
  app = createApp({ db });
  admin = await adminSession(app, db);
  await ensureAccount(db, 'zhuzhou', 'city-leader', '430200');
});

const patch = (login: string, body: unknown, session = admin) =>
  app.request(`/api/users/${login}`, { method: 'PATCH', headers: session.write, body: JSON.stringify(body) });
const me = (session: TestSession) => app.request('/api/auth/me', { headers: session.read });
const login = (name: string, password = TEST_PASSWORD) =>
  app.request('/api/auth/login', { method: 'POST', headers: { ...SAME_ORIGIN, 'content-type': 'application/json' }, body: JSON.stringify({ login: name, password }) });
const message = async (response: Response) => ((await response.json()) as any).error.message as string;

describe('PATCH /api/users/:login', () => {
  test('a new display name changes only that, and keeps the account signed in', async () => {
    const leader = await signIn(app, 'zhuzhou');
    const response = await patch('zhuzhou', { displayName: '株洲市人社局' });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { login: 'zhuzhou', displayName: '株洲市人社局', disabledAt: null }, changed: ['displayName'] });
    expect((await me(leader)).status).toBe(200);
  });

  test('a new post and region take effect at once: the old sessions end, the new scope applies', async () => {
    // No data in this database: a request that passes the access check answers 404 NO_DATA, a refused one 403.
    const leader = await signIn(app, 'zhuzhou');
    expect((await app.request('/api/regions/430200/series', { headers: leader.read })).status).toBe(404);
    const response = await patch('zhuzhou', { role: 'county-staff', regionCode: '430211' });
    expect(((await response.json()) as any).changed).toEqual(['role', 'regionCode']);
    expect((await me(leader)).status).toBe(401);
    const again = await signIn(app, 'zhuzhou');
    expect((await app.request('/api/regions/430200/series', { headers: again.read })).status).toBe(403);
    expect((await app.request('/api/regions/430211/series', { headers: again.read })).status).toBe(404);
    const [line] = (await db.$client.execute("SELECT actor_login, region_code, detail FROM audit_log WHERE action = 'user.update'")).rows;
    expect({ ...line }).toEqual({
      actor_login: 'test-admin',
      region_code: '430211',
      detail: JSON.stringify({ login: 'zhuzhou', changes: { role: ['city-leader', 'county-staff'], regionCode: ['430200', '430211'] } }),
    });
  });

  test('a stopped account is signed out and cannot sign in, with a message; started again, it can', async () => {
    const leader = await signIn(app, 'zhuzhou');
    expect((await patch('zhuzhou', { disabled: true })).status).toBe(200);
    expect((await me(leader)).status).toBe(401);
    const refused = await login('zhuzhou');
    expect(refused.status).toBe(401);
    expect(await message(refused)).toBe('该账号已停用，请联系省级管理员');
    // Someone without the password learns nothing more than for any wrong password.
    expect(await message(await login('zhuzhou', 'Wrong2020pass'))).toMatch(/^登录名或密码错误，还可尝试 \d 次$/);
    expect((await patch('zhuzhou', { disabled: false })).status).toBe(200);
    expect((await login('zhuzhou')).status).toBe(200);
  });

  test.each([
    [{ role: 'city-leader' }, '参数 role：市州用户的所属地区应为市州级'],
    [{ regionCode: '430202' }, '参数 regionCode：市州用户的所属地区应为市州级'],
    [{ regionCode: '999999' }, '参数 regionCode：所属地区代码不存在'],
    [{ disabled: 'yes' }, '参数 disabled：disabled 应为 true 或 false'],
    [{}, '请至少给出一项要修改的内容'],
  ])('%j is refused: %s', async (body, expected) => {
    const target = 'role' in body ? 'test-admin-2' : 'zhuzhou';
    if (target === 'test-admin-2') await ensureAccount(db, 'test-admin-2', 'province-official', '430000');
    const response = await patch(target, body);
    expect(response.status).toBe(400);
    expect(await message(response)).toContain(expected);
  });

  test('an admin can stop another admin, but not themselves: one who can manage accounts always remains', async () => {
    expect(await message(await patch('test-admin', { disabled: true }))).toBe('参数 disabled：不能停用自己的账号或取消自己的管理员岗位');
    expect(await message(await patch('test-admin', { role: 'province-official' }))).toBe('参数 role：不能停用自己的账号或取消自己的管理员岗位');
    await ensureAccount(db, 'second-admin', 'province-admin', '430000');
    const second = await signIn(app, 'second-admin');
    expect((await patch('test-admin', { disabled: true }, second)).status).toBe(200);
    expect((await me(admin)).status).toBe(401);
    expect(await message(await patch('second-admin', { disabled: true }, second))).toBe('参数 disabled：不能停用自己的账号或取消自己的管理员岗位');
    expect((await db.$client.execute("SELECT count(*) AS n FROM users WHERE role = 'province-admin' AND disabled_at IS NULL")).rows[0]!.n).toBe(1);
  });

  test('an unknown account is a 404', async () => {
    const response = await patch('nobody', { disabled: true });
    expect(response.status).toBe(404);
    expect(await message(response)).toBe('没有登录名为 nobody 的账号');
  });
});
