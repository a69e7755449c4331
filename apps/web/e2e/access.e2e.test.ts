import type { MetricRow } from '@dispatch/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { printedDemoPasswords } from '@dispatch/api/testing';
import { sameOrigin, signIn, useBrowserSession } from './harness.ts';

const session = useBrowserSession('demo-admin');

/** A browser nobody has signed in with yet. */
async function stranger(): Promise<Page> {
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 } });
  return context.newPage();
}

async function signInOnPage(page: Page, login: string) {
  await page.getByLabel('登录名').fill(login);
  await page.getByLabel('密码').fill(printedDemoPasswords(session.server.output).get(login)!);
  await page.getByRole('button', { name: '登录' }).click();
}

describe('signing in', () => {
  test('npm start printed a password for each of the five demo accounts', () => {
    expect([...printedDemoPasswords(session.server.output).keys()]).toEqual(['demo-admin', 'demo-official', 'demo-city', 'demo-county', 'demo-viewer']);
  });

  test('a shared link sends a stranger to sign in, then to the page the link named', async () => {
    const page = await stranger();
    await page.goto(`${session.server.url}/city/430200?period=2020-05`);
    await page.waitForURL('**/login?next=%2Fcity%2F430200%3Fperiod%3D2020-05');
    await page.getByLabel('登录名').fill('demo-official');
    await page.getByLabel('密码').fill('not-the-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').getByText('登录名或密码错误').waitFor();
    await signInOnPage(page, 'demo-official');
    await page.waitForURL(`${session.server.url}/city/430200?period=2020-05`);
    await page.locator('h1', { hasText: '株洲市 2020年1—5月' }).waitFor();
    await page.context().close();
  });

  test('the sign-in page speaks to officials, and after a wrong password says how many attempts remain', async () => {
    const page = await stranger();
    await page.goto(`${session.server.url}/login`);
    const text = await page.locator('main').textContent();
    expect(text).toContain('联系省级管理员');
    expect(text).not.toMatch(/npm|终端|命令行/);
    await page.getByLabel('登录名').fill('nobody-here');
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('alert').filter({ hasText: '登录名或密码错误，还可尝试 4 次' }).waitFor();
    await page.close();
  });

  test('a city leader lands on the city view, sees who they are, and no admin screens', async () => {
    const page = await stranger();
    await page.goto(`${session.server.url}/`);
    await page.waitForURL('**/login');
    await signInOnPage(page, 'demo-city');
    await page.waitForURL(`${session.server.url}/city/430100`);
    await page.locator('h1', { hasText: '长沙市' }).waitFor();
    const user = page.getByLabel('当前账号');
    await expect(user.locator('.user-name').textContent()).resolves.toBe('演示·长沙市人社局演示账号');
    await expect(user.locator('.user-post').textContent()).resolves.toBe('市州用户 · 长沙市');
    const nav = await page.locator('.top-bar nav a').allTextContents();
    // 预警 carries the month's count of red alerts, 待办 the actions awaiting the leader's answer.
    expect(nav.map((label) => label.replace(/\d+$/, ''))).toEqual(['总览', '排名', '预警', '地图', '督导', '资金', '通报', '本市·长沙', '待办', '数据导入']);
    await page.context().close();
  });
});

describe('what a city leader may open', () => {
  test('county names link only inside the city; outside it the page says why, and the server refuses anyway', async () => {
    const page = await stranger();
    await page.goto(`${session.server.url}/rankings?level=county&period=2020-05`);
    await signInOnPage(page, 'demo-city');
    await page.waitForURL('**/rankings?level=county&period=2020-05');
    await page.locator('table.ranking tbody tr').nth(121).waitFor();
    const rows = (await session.api<{ rows: MetricRow[] }>('/api/metrics?period=2020-05&level=county')).rows;
    const linked = await page.locator('table.ranking tbody tr').evaluateAll((trs) =>
      trs.filter((tr) => tr.querySelector('th a')).map((tr) => tr.getAttribute('data-code')),
    );
    expect(linked.sort()).toEqual(rows.filter((r) => r.parentCode === '430100').map((r) => r.code).sort());
    expect(linked.length).toBeGreaterThan(5);

    await page.goto(`${session.server.url}/region/430202?period=2020-05`);
    await page.getByText('无权查看荷塘区的明细：市州用户（长沙市）只能查看长沙市范围内的明细。').waitFor();
    const refused = await page.evaluate(async () => {
      const response = await fetch('/api/regions/430202/classes');
      return { status: response.status, body: await response.json() };
    });
    expect(refused).toEqual({ status: 403, body: { error: { code: 'FORBIDDEN', message: '无权查看荷塘区的明细：市州用户（长沙市）只能查看长沙市范围内的明细' } } });

    await page.goto(`${session.server.url}/region/430182?period=2020-05`);
    await page.getByTestId('class-totals').waitFor();

    // Another city's view: its counties' rows and its ranks by month (headline, as every month's ranking is) are
    // there; its series (detail) is not asked for.
    const asked: string[] = [];
    page.on('request', (request) => asked.push(new URL(request.url()).pathname));
    await page.goto(`${session.server.url}/city/430200?period=2020-05`);
    await page.locator('table.gaps tbody tr').first().waitFor();
    await page.getByRole('img', { name: '株洲市逐月全省排名' }).waitFor();
    expect(asked.filter((path) => path.includes('/series'))).toEqual([]);
    expect(asked).toContain('/api/metrics/ranks');
    await page.context().close();
  });
});

describe('sessions in the browser', () => {
  test('when the session ends elsewhere, the next step asks to sign in again and returns there', async () => {
    const page = await stranger();
    await page.goto(`${session.server.url}/rankings?period=2020-06`);
    await signInOnPage(page, 'demo-viewer');
    await page.waitForURL('**/rankings?period=2020-06');
    await page.locator('table.ranking tbody tr').first().waitFor();
    // The admin resets the viewer's password: every session of the viewer ends.
    const admin = await signIn(session.server, 'demo-admin');
    const reset = await fetch(`${session.server.url}/api/users/demo-viewer/password`, {
      method: 'POST',
      headers: { ...sameOrigin(session.server), cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify({ password: 'Viewer2020new' }),
    });
    expect(reset.status).toBe(200);
    await page.getByRole('link', { name: '地图' }).click();
    await page.waitForURL('**/login?next=%2Fmap%3Fperiod%3D2020-06');
    await page.getByLabel('登录名').fill('demo-viewer');
    await page.getByLabel('密码').fill('Viewer2020new');
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL('**/map?period=2020-06');
    await page.context().close();
  });

  test('signing out leads to the sign-in page, and the API no longer answers that browser', async () => {
    const page = await stranger();
    await page.goto(`${session.server.url}/`);
    await signInOnPage(page, 'demo-county');
    await page.waitForURL(`${session.server.url}/region/430182`);
    await page.getByRole('button', { name: '退出' }).click();
    await page.waitForURL(`${session.server.url}/login`);
    expect(await page.evaluate(async () => (await fetch('/api/periods')).status)).toBe(401);
    await page.context().close();
  });
});

describe('script in data is shown, never run', () => {
  test('a display name, a search and an address carrying markup are shown as text', async () => {
    const page = session.page;
    const ran: string[] = [];
    page.on('dialog', async (dialog) => {
      ran.push(dialog.message());
      await dialog.dismiss();
    });
    const markup = '<img src=x onerror="window.__xss=1">';
    const admin = await signIn(session.server, 'demo-admin');
    const created = await fetch(`${session.server.url}/api/users`, {
      method: 'POST',
      headers: { ...sameOrigin(session.server), cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
      body: JSON.stringify({ login: 'xss-probe', displayName: markup, role: 'viewer', regionCode: '430100', password: 'Probe2020abc' }),
    });
    expect(created.status).toBe(201);
    await page.goto(`${session.server.url}/admin/users`);
    await page.locator('tr[data-login="xss-probe"] td').first().waitFor();
    expect(await page.locator('tr[data-login="xss-probe"] td').first().textContent()).toBe(markup);

    await page.goto(`${session.server.url}/region/430182?period=2020-05`);
    await page.getByLabel('搜索机构、工种或班级编号').fill('<script>alert(2)</script>');
    await page.getByText('没有与“<script>alert(2)</script>”相符的培训班。').waitFor();

    await page.goto(`${session.server.url}/rankings?period=${encodeURIComponent('<script>alert(3)</script>')}`);
    await page.getByText('“<script>alert(3)</script>”', { exact: false }).first().waitFor();

    expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(ran).toEqual([]);
  });
});

describe('the administrator’s screens', () => {
  test('create an account, change its post, stop it — and the audit log shows each step', async () => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('dialog', (dialog) => void dialog.accept()); // the "stop this account?" confirmation
    await page.goto(`${session.server.url}/admin/users`);
    const form = page.getByRole('form', { name: '新建账号' });
    await form.getByLabel('登录名').fill('xiangtan');
    await form.getByLabel('姓名/单位').fill('湘潭市人社局');
    await form.getByLabel('岗位').selectOption({ label: '市州用户' });
    await form.getByLabel('所属地区').selectOption({ label: '湘潭市' });
    await form.getByLabel('初始密码').fill('Xiangtan2020');
    await form.getByRole('button', { name: '创建' }).click();
    await page.getByText('已创建账号 xiangtan（市州用户）').waitFor();
    const row = page.locator('tr[data-login="xiangtan"]');
    await expect(row.locator('td').allTextContents()).resolves.toEqual(expect.arrayContaining(['湘潭市人社局', '市州用户', '湘潭市']));

    await row.getByRole('button', { name: '编辑' }).click();
    const edit = page.getByRole('form', { name: '修改账号 xiangtan' });
    await edit.getByLabel('岗位').selectOption({ label: '县市区用户' });
    await edit.getByLabel('所属地区').selectOption({ label: '　湘乡市' });
    await edit.getByRole('button', { name: '保存' }).click();
    await row.locator('td', { hasText: '县市区用户' }).waitFor();
    await row.locator('td', { hasText: '湘乡市' }).waitFor();

    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    const refused = await fetch(`${session.server.url}/api/auth/login`, {
      method: 'POST',
      headers: sameOrigin(session.server),
      body: JSON.stringify({ login: 'xiangtan', password: 'Xiangtan2020' }),
    });
    expect(((await refused.json()) as any).error.message).toBe('该账号已停用，请联系省级管理员');

    await page.goto(`${session.server.url}/admin/audit?region=430300`);
    await page.locator('table.audit tbody tr').first().waitFor();
    const lines = await page.locator('table.audit tbody tr').evaluateAll((trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].slice(1).map((td) => td.textContent)),
    );
    expect(lines.slice(0, 4)).toEqual([
      ['xiangtan', '127.0.0.1', '登录失败', '湘乡市', '原因：账号已停用'],
      ['demo-admin', '127.0.0.1', '修改账号', '湘乡市', '账号：xiangtan；停用：否 → 是'],
      ['demo-admin', '127.0.0.1', '修改账号', '湘乡市', '账号：xiangtan；岗位：市州用户 → 县市区用户；所属地区：430300 → 430381'],
      ['demo-admin', '127.0.0.1', '新建账号', '湘潭市', '账号：xiangtan；岗位：市州用户；演示：否'],
    ]);
    await page.context().close();
  });
});
