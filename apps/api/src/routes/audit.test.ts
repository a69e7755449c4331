import { prepareDb, type Db } from '@dispatch/db';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from '../app.ts';
import { adminSession, type TestSession } from '../testing/test-session.ts';

let db: Db;
let app: App;
let admin: TestSession;

/** A known log, with times chosen around Beijing midnight (UTC+8). */
const LINES = [
  { at: '2026-11-24T15:59:59.000Z', actorLogin: 'zhuzhou', action: 'auth.login', regionCode: '430200' }, // 11-24 23:59:59 Beijing
  { at: '2026-11-24T16:00:00.000Z', actorLogin: 'zhuzhou', action: 'auth.logout', regionCode: '430200' }, // 11-25 00:00:00 Beijing
  { at: '2026-11-25T01:00:00.000Z', actorLogin: 'liuyang', action: 'auth.login-failed', regionCode: '430181' },
  { at: '2026-11-25T02:00:00.000Z', actorLogin: 'cli', action: 'user.create', regionCode: '430100' },
  { at: '2026-11-25T16:00:00.000Z', actorLogin: 'cli', action: 'user.password', regionCode: '430000' }, // 11-26 Beijing
];

beforeAll(async () => {
  ({ db } = await prepareDb({ url: ':memory:', demo: false }));
  app = createApp({ db });
  await db.$client.batch(
    LINES.map((l) => ({
      sql: "INSERT INTO audit_log (at, actor_login, address, action, region_code) VALUES (?, ?, '10.0.0.8', ?, ?)",
      args: [l.at, l.actorLogin, l.action, l.regionCode],
    })),
    'write',
  );
  admin = await adminSession(app, db); // adds its own user.create and auth.login lines, at the real time
});

async function audit(query: string) {
  const response = await app.request(`/api/audit?${query}`, { headers: admin.read });
  expect(response.status).toBe(200);
  return (await response.json()) as { total: number; actions: string[]; rows: { at: string; actorLogin: string; action: string; regionName: string }[] };
}
const known = (rows: { at: string }[]) => rows.filter((r) => r.at.startsWith('2026-11-2') && LINES.some((l) => l.at === r.at)).map((r) => r.at);

describe('GET /api/audit', () => {
  test('newest first, with region names and the actions that occur', async () => {
    const body = await audit('');
    expect(body.total).toBe(LINES.length + 2);
    expect(known(body.rows)).toEqual(LINES.map((l) => l.at).reverse());
    expect(body.actions).toEqual(['auth.login', 'auth.login-failed', 'auth.logout', 'user.create', 'user.password']);
    expect(body.rows.find((r) => r.actorLogin === 'liuyang')!.regionName).toBe('浏阳市');
  });

  test.each([
    ['actor=zhuzhou', [0, 1]],
    ['action=auth.login-failed', [2]],
    ['action=auth.&actor=zhuzhou', [0, 1]],
    ['region=430100', [2, 3]], // 长沙 and its county 浏阳
    ['region=430181', [2]],
    ['from=2026-11-25&to=2026-11-25', [1, 2, 3]], // a Beijing day: 16:00Z the day before to 15:59:59.999Z
    ['to=2026-11-24', [0]],
  ])('%s finds exactly the expected lines', async (query, expected) => {
    const body = await audit(`${query}&pageSize=200`);
    expect(known(body.rows).sort()).toEqual(expected.map((i) => LINES[i]!.at).sort());
  });

  test('pages are pages of the filtered lines', async () => {
    const first = await audit('actor=cli&pageSize=1&page=1');
    const second = await audit('actor=cli&pageSize=1&page=2');
    expect(first.total).toBe(3); // the two above and the test admin's creation
    expect([first.rows[0]!.at, second.rows[0]!.at]).not.toContain(undefined);
    expect(first.rows[0]!.at > second.rows[0]!.at).toBe(true);
  });

  test.each([
    ['from=2026-02-30', '起始日期'],
    ['to=25-11-2026', '截止日期'],
    ['action=DROP', '操作'],
    ['region=4301', '地区'],
    ['pageSize=500', '每页条数'],
  ])('%s is a 400 naming the parameter, and in Chinese as %s', async (query, name) => {
    const response = await app.request(`/api/audit?${query}`, { headers: admin.read });
    expect(response.status).toBe(400);
    expect(((await response.json()) as any).error.message).toMatch(new RegExp(`^参数 ${query.split('=')[0]}（${name}）：`));
  });

  test('the log cannot be changed, even by the database connection the server uses', async () => {
    await expect(db.$client.execute("UPDATE audit_log SET action = 'x'")).rejects.toThrow();
    await expect(db.$client.execute('DELETE FROM audit_log')).rejects.toThrow();
  });
});
