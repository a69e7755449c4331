/**
 * Every action the server writes to the audit log, done for real over the API on a real libSQL database, reads in
 * words on the audit screen: no "[object Object]", no JSON.
 */
import { addDays, AUDIT_ACTION_LABELS, beijingDate, DEFAULT_ALERT_SETTINGS, describeAuditDetail, type AuditPage } from '@dispatch/core';
import { prepareDb } from '@dispatch/db';
import { beforeAll, expect, test } from 'vitest';
import { createApp, type App } from '../app.ts';
import { makeXlsx } from '../imports/testing.ts';
import { adminSession, postLogin, signIn, TEST_PASSWORD, type TestSession } from '../testing/test-session.ts';

let app: App;
let admin: TestSession;
let lines: AuditPage['rows'];

const send = async (method: string, path: string, session: TestSession, body?: unknown) => {
  const response = await app.request(path, { method, headers: session.write, body: body === undefined ? undefined : JSON.stringify(body) });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<any>;
};

beforeAll(async () => {
  const { db } = await prepareDb({ url: ':memory:' }); // the demo year: a reallocation round needs a month with data
  app = createApp({ db });
  admin = await adminSession(app, db); // user.create (by cli), auth.login
  await send('POST', '/api/users', admin, { login: 'zhuzhou', displayName: '株洲', role: 'city-leader', regionCode: '430200', password: TEST_PASSWORD });
  const zhuzhou = await signIn(app, 'zhuzhou');
  await send('POST', '/api/auth/password', zhuzhou, { currentPassword: TEST_PASSWORD, newPassword: 'Zhuzhou2020new' });
  await send('POST', '/api/users/zhuzhou/password', admin, { password: 'Zhuzhou2020again' });
  await send('PATCH', '/api/users/zhuzhou', admin, { displayName: '株洲市人社局', role: 'county-staff', regionCode: '430202' });
  await send('PATCH', '/api/users/zhuzhou', admin, { disabled: true });
  await postLogin(app, { login: 'zhuzhou', password: 'Zhuzhou2020again' }); // refused: stopped
  await postLogin(app, { login: 'nobody', password: 'wrong-password-1' });
  const behind = { ...DEFAULT_ALERT_SETTINGS, behindTime: { ...DEFAULT_ALERT_SETTINGS.behindTime, redPoints: -12 } };
  await send('PUT', '/api/settings/alerts', admin, behind);
  await send('PUT', '/api/settings/alerts', admin, behind);
  await send('POST', '/api/reallocations', admin, { date: '2020-07-15', documentNumber: '湘人社函〔2020〕88号', lines: [{ regionCode: '430182', amount: 500_000 }] });
  await send('POST', '/api/reallocations/3/revoke', admin, { reason: '文号有误' });
  await send('POST', '/api/notes', admin, { regionCode: '430200', period: '2020-05', text: '受疫情影响，5月起集中开班' });
  await send('PATCH', '/api/notes/1', admin, { text: '受疫情影响，5月起集中开班，6月结业', version: 1 });
  await send('POST', '/api/users', admin, { login: 'changsha', displayName: '长沙', role: 'city-leader', regionCode: '430100', password: TEST_PASSWORD });
  const changsha = await signIn(app, 'changsha');
  const dueDate = addDays(beijingDate(new Date()), 10);
  const { id } = await send('POST', '/api/actions', admin, { regionCode: '430100', period: '2020-05', kind: 'summons', dueDate, requirement: '说明原因' });
  await send('POST', `/api/actions/${id}/answer`, changsha, { situation: '情况', plan: '措施', rectifyBy: dueDate });
  await send('POST', `/api/actions/${id}/return`, admin, { reason: '补充时限' });
  await send('POST', `/api/actions/${id}/answer`, changsha, { situation: '情况', plan: '措施（补充）' });
  await send('POST', `/api/actions/${id}/accept`, admin, {});
  await send('PUT', '/api/bulletins/draft/2020-05', admin, { edits: { problems: '一是进度不平衡。' }, version: 0 });
  const issued = await send('POST', '/api/bulletins', admin, { period: '2020-05' });
  await send('POST', `/api/bulletins/${issued.id}/correct`, admin, {});
  // an import and its revert: two targets of 2021
  const targets = await makeXlsx({ 目标任务: [['区划代码', '年度', '目标任务（人）'], ['430182', 2021, 12000], ['430102', 2021, 8500]] });
  const form = new FormData();
  form.set('file', new Blob([new Uint8Array(targets)]), '目标任务.xlsx');
  const { cookie, 'x-csrf-token': token, origin } = admin.write as Record<string, string>;
  const uploaded = await app.request('/api/imports?kind=targets', { method: 'POST', headers: { cookie: cookie!, 'x-csrf-token': token!, origin: origin! }, body: form });
  if (uploaded.status !== 201) throw new Error(`import: ${uploaded.status} ${await uploaded.text()}`);
  const imports = await app.request('/api/imports', { headers: admin.read });
  await send('POST', `/api/imports/${((await imports.json()) as any).imports[0].id}/revert`, admin, {});
  await send('POST', '/api/periods/2020-12/close', admin, {});
  await send('POST', '/api/periods/2020-12/reopen', admin, {});
  const reader = await signIn(app, 'test-admin');
  await send('POST', '/api/auth/logout', reader);
  const response = await app.request('/api/audit?pageSize=200', { headers: admin.read });
  lines = ((await response.json()) as AuditPage).rows;
});

test('every action the screen knows was written, and every line’s detail reads in words', () => {
  expect([...new Set(lines.map((l) => l.action))].sort()).toEqual(Object.keys(AUDIT_ACTION_LABELS).sort());
  for (const line of lines) {
    const words = describeAuditDetail(line.detail, line.action);
    expect(words, `${line.action} ${JSON.stringify(line.detail)}`).not.toMatch(/\[object|[{}"]/);
    if (line.detail) expect(words, line.action).not.toBe('');
  }
});

test('a change of thresholds reads as the threshold, both values and its unit; saving the same again writes no line', () => {
  const settings = lines.filter((l) => l.action === 'settings.alerts').map((l) => describeAuditDetail(l.detail, l.action));
  expect(settings).toEqual(['严重落后：较时序进度不高于 −10 → −12 百分点']);
});
