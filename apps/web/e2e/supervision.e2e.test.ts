import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { sameOrigin, signIn, useBrowserSession } from './harness.ts';

/**
 * The supervision loop in a browser: a province official opens a summons from the alerts page; 郴州's city leader,
 * on a phone, answers it from the to-do; the official returns it, the leader answers again, the official accepts.
 */
const session = useBrowserSession('demo-official');
const LEADER = { login: 'e2e-chenzhou', password: 'Chenzhou2020x' };
const PHONE = { width: 390, height: 844 };
let phone: Page;

beforeAll(async () => {
  // 郴州 (431000) is on the summons list of 2020-05; the demo's city leader is 长沙's, so 郴州 gets its own.
  const admin = await signIn(session.server, 'demo-admin');
  const created = await fetch(`${session.server.url}/api/users`, {
    method: 'POST',
    headers: { ...sameOrigin(session.server), cookie: admin.cookie, 'x-csrf-token': admin.csrfToken },
    body: JSON.stringify({ ...LEADER, displayName: '郴州市人社局', role: 'city-leader', regionCode: '431000' }),
  });
  expect(created.status).toBe(201);
  const context = await session.browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
  phone = await context.newPage();
  await phone.goto(`${session.server.url}/login`);
  await phone.getByLabel('登录名').fill(LEADER.login);
  await phone.getByLabel('密码').fill(LEADER.password);
  await phone.getByRole('button', { name: '登录' }).click();
  await phone.waitForURL((url) => !url.pathname.startsWith('/login'));
});

const stateTag = (page: Page) => page.locator('.facts .action-state');

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
}

/** What waits for the leader, as the API counts it (the demo's own summons of 郴州 among them). */
const tasksOfLeader = () => phone.evaluate(async () => ((await (await fetch('/api/tasks')).json()) as { count: number }).count);

async function answerOnPhone(actionPath: string, situation: string, plan: string, waiting: number) {
  await phone.goto(`${session.server.url}/tasks`);
  await expect.poll(() => phone.getByRole('link', { name: /^待办/ }).textContent()).toBe(`待办${waiting}`);
  await phone.locator(`.actions-table a[href="${actionPath}"]`).click();
  await phone.waitForURL((url) => url.pathname === actionPath);
  await phone.getByLabel('情况说明').fill(situation);
  await phone.getByLabel('整改措施').fill(plan);
  await expectNoSidewaysScroll(phone);
  await phone.getByRole('button', { name: '提交答复' }).click();
  await expect.poll(() => stateTag(phone).textContent()).toBe('已答复');
}

test('a summons opened from /alerts is answered on a phone, returned, answered again and closed', async () => {
  const page = session.page;
  const before = await tasksOfLeader();
  await page.goto(`${session.server.url}/alerts?period=2020-05`);
  await page.locator('.summons li[data-code="431000"]').getByRole('button', { name: '对郴州市开启督导事项' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByRole('radio', { name: '约谈' }).isChecked()).toBe(true);
  expect(await dialog.getByLabel('督导要求').inputValue()).toMatch(/^郴州市连续\d+个月排名全省市州后3位/);
  await dialog.getByRole('button', { name: '开启约谈' }).click();
  await dialog.getByRole('link', { name: '查看事项 ›' }).click();
  await page.waitForURL(/\/supervision\/\d+$/);
  const actionPath = new URL(page.url()).pathname;
  expect(await page.locator('.cited-alert').textContent()).toContain('依据预警：持续排名靠后');
  expect(await stateTag(page).textContent()).toBe('待答复');

  await answerOnPhone(actionPath, '受疫情影响，一季度开班不足', '5月起每周调度，新开班 30 个', before + 1);

  await page.reload();
  await page.getByLabel('退回理由').fill('整改措施未列完成时限');
  await page.getByRole('button', { name: '退回重新答复' }).click();
  await expect.poll(() => stateTag(page).textContent()).toBe('已退回');

  await answerOnPhone(actionPath, '受疫情影响，一季度开班不足', '6月30日前新开班 30 个，每周调度', before + 1);

  await page.reload();
  await page.getByRole('button', { name: '审核通过，办结' }).click();
  await expect.poll(() => stateTag(page).textContent()).toBe('已办结');
  const steps = await page.locator('.action-steps > li .step-head b').allTextContents();
  expect(steps).toEqual(['开启', '答复', '退回', '答复', '审核通过，办结']);
  expect(await page.locator('.action-steps').textContent()).toContain('退回理由：整改措施未列完成时限');

  // Nothing waits for the leader now; the closed action shows as such on the phone, with no form.
  await phone.goto(`${session.server.url}${actionPath}`);
  await expect.poll(() => stateTag(phone).textContent()).toBe('已办结');
  expect(await phone.getByRole('button', { name: '提交答复' }).count()).toBe(0);
  await phone.goto(`${session.server.url}/tasks`);
  await expect.poll(() => phone.getByRole('link', { name: /^待办/ }).textContent()).toBe(before ? `待办${before}` : '待办');
  expect(await phone.locator(`.actions-table a[href="${actionPath}"]`).count()).toBe(0);
  expect(await tasksOfLeader()).toBe(before);
});
