import { ACTION_KIND_LABELS, ACTION_STATE_LABELS, addDays, beijingDate, formatPeriodLabel, RULE_LABELS, type Action, type Alert } from '@dispatch/core';
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

async function answerOnPhone(actionPath: string, situation: string, plan: string, waiting: number, prefilled?: { situation: string; plan: string }) {
  await phone.goto(`${session.server.url}/tasks`);
  await expect.poll(() => phone.getByRole('link', { name: /^待办/ }).textContent()).toBe(`待办${waiting}`);
  await phone.locator(`.actions-table a[href="${actionPath}"]`).click();
  await phone.waitForURL((url) => url.pathname === actionPath);
  // After a return, the form starts from the last answer.
  await phone.getByLabel('情况说明').waitFor();
  expect(await phone.getByLabel('情况说明').inputValue()).toBe(prefilled?.situation ?? '');
  expect(await phone.getByLabel('整改措施').inputValue()).toBe(prefilled?.plan ?? '');
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
  await page.locator('.summons li[data-code="431000"]').getByRole('button', { name: '约谈：对郴州市开启督导事项' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByRole('radio', { name: '约谈' }).isChecked()).toBe(true);
  // The keyboard starts on the kind chosen, not on the first radio.
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('summons');
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

  await answerOnPhone(actionPath, '受疫情影响，一季度开班不足', '6月30日前新开班 30 个，每周调度', before + 1, {
    situation: '受疫情影响，一季度开班不足', plan: '5月起每周调度，新开班 30 个',
  });

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

/** 郴州's actions not yet closed, as the API lists them, in the words the dialog uses. */
async function unfinishedOfChenzhou(page: Page): Promise<string> {
  const list = await page.evaluate(async () => ((await (await fetch('/api/actions?regionCode=431000')).json()) as { actions: Action[] }).actions);
  const open = list.filter((a) => a.state !== 'closed');
  expect(open.length).toBeGreaterThan(0);
  return `郴州市已有未办结的督导事项：${open.map((a) => `第 ${a.id} 号 ${ACTION_KIND_LABELS[a.kind]}（${ACTION_STATE_LABELS[a.state]}${a.overdue ? '，逾期' : ''}，${formatPeriodLabel(a.period)}）`).join('；')}`;
}

test('the ranking row’s button opens what /alerts opens: 郴州 persistently at the bottom → 约谈 citing the alert, the same facts frozen', async () => {
  const page = session.page;
  const alerts = await page.evaluate(async () => ((await (await fetch('/api/alerts?period=2020-05&level=city')).json()) as { alerts: Alert[] }).alerts);
  const bottom = alerts.find((a) => a.regionCode === '431000' && a.rule === 'persistent-bottom')!;
  expect(bottom).toBeDefined();
  await page.goto(`${session.server.url}/rankings?period=2020-05`);
  await page.locator('table.ranking tr[data-code="431000"]').getByRole('button', { name: '约谈：对郴州市开启督导事项' }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByRole('radio', { name: '约谈' }).isChecked()).toBe(true);
  expect(await dialog.locator('.cited').textContent()).toBe(`依据预警「${RULE_LABELS['persistent-bottom']}」：${bottom.message}`);
  expect(await dialog.getByLabel('督导要求').inputValue()).toBe(`郴州市${bottom.message}。请主要负责同志说明原因，提出整改措施和完成时限。`);
  // 郴州 already has actions not closed (the demo's summons): listed, each a link; opening another stays allowed.
  const notice = dialog.locator('.unfinished-actions');
  await notice.waitFor();
  expect(await notice.textContent()).toBe(await unfinishedOfChenzhou(page));
  expect(await notice.getByRole('link').count()).toBeGreaterThan(0);
  await dialog.getByRole('button', { name: '开启约谈' }).click();
  await dialog.getByRole('link', { name: '查看事项 ›' }).waitFor();
  const id = Number((await dialog.getByRole('link', { name: '查看事项 ›' }).getAttribute('href'))!.split('/').pop());
  const thread = await page.evaluate(async (n) => (await fetch(`/api/actions/${n}`)).json(), id);
  expect(thread).toMatchObject({ regionCode: '431000', period: '2020-05', kind: 'summons', alertRule: 'persistent-bottom', alert: bottom });
  await dialog.getByRole('button', { name: '关闭' }).click();
});

test('a ranking row without an alert that month opens guidance on the region alone', async () => {
  const page = session.page;
  // A city with no alert in October (in May every region has one), as the API says.
  await page.goto(`${session.server.url}/rankings?period=2020-10`);
  const { alerts, rows } = await page.evaluate(async () => ({
    alerts: ((await (await fetch('/api/alerts?period=2020-10&level=city')).json()) as { alerts: Alert[] }).alerts,
    rows: ((await (await fetch('/api/metrics?period=2020-10&level=city')).json()) as { rows: { code: string; name: string }[] }).rows,
  }));
  const { code, name } = rows.find((row) => !alerts.some((a) => a.regionCode === row.code))!;
  const quiet = page.locator(`table.ranking tr[data-code="${code}"]`);
  expect(await quiet.getAttribute('class')).toBeNull();
  await quiet.getByRole('button', { name: `督导：对${name}开启督导事项` }).click();
  const dialog = page.getByRole('dialog');
  await expect.poll(() => dialog.getByRole('radio', { name: '一对一指导' }).isChecked()).toBe(true);
  await expect.poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('guidance');
  expect(await dialog.locator('.cited').count()).toBe(0);
  expect(await dialog.getByLabel('督导要求').inputValue()).toBe(`${name}2020年1—10月工作进展。请对照目标任务和时序进度查找差距，提出整改措施和完成时限。`);
  await dialog.getByRole('button', { name: '取消' }).click();
});

test('answered first by another session: the refusal and the latest state show, and the typed answer stays on screen', async () => {
  const official = await signIn(session.server, 'demo-official');
  const dueDate = addDays(beijingDate(new Date()), 10);
  const opened = await fetch(`${session.server.url}/api/actions`, {
    method: 'POST',
    headers: { ...sameOrigin(session.server), cookie: official.cookie, 'x-csrf-token': official.csrfToken },
    body: JSON.stringify({ regionCode: '431000', period: '2020-05', kind: 'guidance', dueDate, requirement: '说明5月进度' }),
  });
  const { id } = (await opened.json()) as { id: number };
  await phone.goto(`${session.server.url}/supervision/${id}`);
  await phone.getByLabel('情况说明').fill('手机上写的情况');
  await phone.getByLabel('整改措施').fill('手机上写的措施');
  // The same leader, in another session, answers first.
  const other = await fetch(`${session.server.url}/api/auth/login`, { method: 'POST', headers: sameOrigin(session.server), body: JSON.stringify(LEADER) });
  const otherSession = { cookie: other.headers.get('set-cookie')!.split(';')[0]!, csrfToken: ((await other.json()) as { csrfToken: string }).csrfToken };
  const first = await fetch(`${session.server.url}/api/actions/${id}/answer`, {
    method: 'POST',
    headers: { ...sameOrigin(session.server), cookie: otherSession.cookie, 'x-csrf-token': otherSession.csrfToken },
    body: JSON.stringify({ situation: '电脑上写的情况', plan: '电脑上写的措施' }),
  });
  expect(first.status).toBe(200);
  await phone.getByRole('button', { name: '提交答复' }).click();
  await phone.getByRole('alert').filter({ hasText: '页面已更新为最新状态' }).waitFor();
  await expect.poll(() => stateTag(phone).textContent()).toBe('已答复');
  expect(await phone.getByLabel('情况说明').inputValue()).toBe('手机上写的情况');
  expect(await phone.getByLabel('整改措施').inputValue()).toBe('手机上写的措施');
  expect(await phone.getByRole('button', { name: '提交答复' }).count()).toBe(0);
  expect(await phone.locator('.action-steps').textContent()).toContain('电脑上写的措施');
});

test('an action that does not exist: the server’s words and the way back, no 重试', async () => {
  const page = session.page;
  await page.goto(`${session.server.url}/supervision/99999`);
  await page.getByText('没有编号为 99999 的督导事项').waitFor();
  expect(await page.getByRole('button', { name: '重试' }).count()).toBe(0);
  expect(await page.getByRole('alert').count()).toBe(0);
  await page.locator('main').getByRole('link', { name: '返回督导事项' }).click();
  await page.waitForURL(`${session.server.url}/supervision`);
  await page.goto(`${session.server.url}/supervision/0x5`);
  await page.getByText('没有这个督导事项。').waitFor();
});
