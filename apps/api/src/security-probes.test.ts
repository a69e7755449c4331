/**
 * Security probes: SQL-injection strings and script tags in every text parameter and body field of the API.
 * Each must come back as a harmless 400 (or, where the field is free text, as data), never a 500, never
 * changing anything it should not. That the web app shows such text without running it is an e2e test.
 */
import { prepareDb, type Db } from '@dispatch/db';
import { beforeAll, describe, expect, test } from 'vitest';
import { createApp, type App } from './app.ts';
import { adminSession, type TestSession } from './testing/test-session.ts';

let db: Db;
let app: App;
let admin: TestSession;

const PROBES = [
  "' OR '1'='1",
  '1; DROP TABLE users; --',
  "430100' --",
  "%' OR 1=1 --",
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
] as const;

async function counts() {
  const [users, regions, classes, audits] = await db.$client.batch(
    ['SELECT count(*) AS n FROM users', 'SELECT count(*) AS n FROM regions', 'SELECT count(*) AS n FROM training_classes', 'SELECT count(*) AS n FROM audit_log'],
    'read',
  );
  return { users: users!.rows[0]!.n, regions: regions!.rows[0]!.n, classes: classes!.rows[0]!.n, audits: audits!.rows[0]!.n };
}

beforeAll(async () => {
  ({ db } = await prepareDb({ url: ':memory:' }));
  app = createApp({ db });
  admin = await adminSession(app, db);
});

/** `{p}` in a query or path is the probe, URL-encoded. */
const GET_PARAMS: [string, number[]][] = [
  ['/api/metrics?period={p}', [400]],
  ['/api/metrics?level={p}', [400]],
  ['/api/metrics?level=county&parent={p}', [400]],
  ['/api/regions/{p}/series', [400]],
  ['/api/regions/430100/series?year={p}', [400]],
  ['/api/regions/{p}/classes', [400]],
  ['/api/regions/430182/classes?period={p}', [400]],
  ['/api/regions/430182/classes?basis={p}', [400]],
  ['/api/regions/430182/classes?scope={p}', [400]],
  ['/api/regions/430182/classes?page={p}', [400]],
  ['/api/regions/430182/classes?pageSize={p}', [400]],
  ['/api/exports/rankings.xlsx?period={p}', [400]],
  ['/api/exports/rankings.xlsx?level={p}', [400]],
  ['/api/exports/rankings.xlsx?parent={p}', [400]],
  ['/api/exports/rankings.xlsx?sort={p}', [400]],
  ['/api/exports/rankings.xlsx?order={p}', [400]],
  ['/api/audit?action={p}', [400]],
  ['/api/audit?region={p}', [400]],
  ['/api/audit?from={p}', [400]],
  ['/api/audit?to={p}', [400]],
  ['/api/audit?page={p}', [400]],
];

describe('probes in query and path parameters', () => {
  test.each(GET_PARAMS.flatMap(([path, statuses]) => PROBES.map((p) => [path.replace('{p}', encodeURIComponent(p)), statuses] as const)))(
    'GET %s',
    async (path, statuses) => {
      const before = await counts();
      const response = await app.request(path, { headers: admin.read });
      expect(statuses).toContain(response.status);
      expect(response.headers.get('content-type')).toMatch(/^application\/json/);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).toMatch(/^参数 /);
      expect(await counts()).toEqual(before);
    },
  );

  test.each(PROBES)('free-text search q=%s is searched for as text and finds nothing', async (probe) => {
    const response = await app.request(`/api/regions/430182/classes?period=2020-12&q=${encodeURIComponent(probe)}`, { headers: admin.read });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).total).toBe(0);
  });

  test.each(PROBES)('the audit filter actor=%s is matched as text and finds nothing', async (probe) => {
    const response = await app.request(`/api/audit?actor=${encodeURIComponent(probe)}`, { headers: admin.read });
    expect(response.status).toBe(200);
    expect(((await response.json()) as any).total).toBe(0);
  });
});

describe('probes in request bodies', () => {
  const post = (path: string, body: unknown) => app.request(path, { method: 'POST', headers: admin.write, body: JSON.stringify(body) });
  const valid = { login: 'probe-ok', displayName: '探针', role: 'viewer', regionCode: '430100', password: 'Probe2020abc' };

  test.each(PROBES)('sign-in with %s as login and password is a 401, nothing more', async (probe) => {
    const before = await counts();
    const response = await app.request('/api/auth/login', {
      method: 'POST',
      headers: { origin: 'http://localhost', 'content-type': 'application/json' },
      body: JSON.stringify({ login: probe, password: probe }),
    });
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect({ ...(await counts()), audits: before.audits }).toEqual(before);
  });

  test.each(PROBES.flatMap((p) => (['login', 'role', 'regionCode'] as const).map((field) => [field, p] as const)))(
    'a new account with %s = %s is a 400 naming the field',
    async (field, probe) => {
      const before = await counts();
      const response = await post('/api/users', { ...valid, [field]: probe });
      expect(response.status).toBe(400);
      expect(((await response.json()) as any).error.message).toContain(`参数 ${field}`);
      expect(await counts()).toEqual(before);
    },
  );

  test.each(PROBES.map((p, i) => [p, i] as const))('a display name %s is kept as plain text', async (probe, i) => {
    const response = await post('/api/users', { ...valid, login: `probe-${i}`, displayName: probe });
    expect(response.status).toBe(201);
    const stored = await db.$client.execute({ sql: 'SELECT display_name FROM users WHERE login = ?', args: [`probe-${i}`] });
    expect(stored.rows[0]!.display_name).toBe(probe.trim());
  });

  test.each(PROBES)('a password reset for login %s is a 400', async (probe) => {
    const response = await post(`/api/users/${encodeURIComponent(probe)}/password`, { password: 'Probe2020abc' });
    expect(response.status).toBe(400);
  });

  test.each(PROBES)('a password change with current password %s is refused', async (probe) => {
    const before = await counts();
    const response = await post('/api/auth/password', { currentPassword: probe, newPassword: 'Probe2020new' });
    // Wrong current passwords count as failed sign-ins: after five, the account is held back (429).
    expect([400, 429]).toContain(response.status);
    expect(await counts()).toEqual(before);
  });

  test('after every probe the tables are whole', async () => {
    const after = await counts();
    expect(after.regions).toBe(137);
    expect(after.classes).toBeGreaterThan(10_000);
    expect((await db.$client.execute("SELECT count(*) AS n FROM users WHERE login LIKE 'probe-%'")).rows[0]!.n).toBe(PROBES.length);
  });
});

describe('paths that try to slip past the list of public routes', () => {
  test.each(['/api/docs/..%2Fusers', '/api/docs/%2E%2E/users', '/api/docs/../users', '/api/health/../users', '/api//users', '/api/users/', '/API/users'])(
    '%s without a session never answers the accounts',
    async (path) => {
      const response = await app.request(`http://localhost${path}`);
      expect([401, 404]).toContain(response.status);
      expect(await response.text()).not.toContain('test-admin');
    },
  );
});
