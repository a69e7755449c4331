import { formatBeijingDateTime } from '@dispatch/core';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { signIn, useBrowserSession } from './harness.ts';

/** 长沙's leader writes on a phone; the province official reads on an office screen. */
const session = useBrowserSession('demo-city');
const FIRST = '受疫情影响，5月起集中开班';
const SECOND = '受疫情影响，5月起集中开班，6月集中结业';

async function officialPage(): Promise<Page> {
  const { cookie } = await signIn(session.server, 'demo-official');
  const [name, value] = cookie.split('=') as [string, string];
  const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 } });
  await context.addCookies([{ name, value, url: session.server.url, httpOnly: true, sameSite: 'Strict' }]);
  return context.newPage();
}

test('a city leader on a phone notes a county on the city view; the province sees it on /alerts and the county page; the edit shows 已修改 and its history', async () => {
  const phone = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  const url = session.server.url;
  await phone.goto(`${url}/city/430100?period=2020-05`);
  const panel = phone.locator('section.city-notes');
  await panel.getByText('本月本市及所辖县市区尚无情况说明。').waitFor();
  await panel.getByRole('button', { name: '添加说明' }).click();
  await panel.getByLabel('地区').selectOption({ label: '宁乡市' });
  await panel.getByRole('textbox', { name: '说明内容' }).click();
  await phone.keyboard.type(FIRST);
  expect(await panel.locator('.note-count').textContent()).toBe('13/500 字');
  const box = await panel.boundingBox();
  expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  await panel.getByRole('button', { name: '保存' }).click();
  const group = panel.locator('#note-430182');
  await group.getByText(FIRST).waitFor();
  expect(await group.locator('h3').textContent()).toBe('宁乡市');
  // The county's row in the gap table is marked, and the mark leads to the note.
  expect(await phone.locator('table.gaps tr[data-code="430182"] a.note-mark').getAttribute('href')).toBe('#note-430182');

  const desk = await officialPage();
  await desk.goto(`${url}/alerts?period=2020-05`);
  const alerted = desk.locator('li[data-code="430182"]').first();
  await alerted.locator('.alert-notes').getByText(FIRST).waitFor();
  expect(await alerted.locator('.note-tag').textContent()).toBe('说明');
  // Someone else's note: no 修改 for the province official.
  expect(await alerted.getByRole('button', { name: '修改' }).count()).toBe(0);
  await desk.goto(`${url}/region/430182?period=2020-05`);
  const may = desk.locator('.note-month[data-period="2020-05"]');
  await may.getByText(FIRST).waitFor();
  expect(await may.locator('dt').textContent()).toBe('2020年5月');
  expect(await may.getByRole('button', { name: /已修改/ }).count()).toBe(0);

  // The leader edits, by keyboard: Ctrl+Enter saves.
  await group.getByRole('button', { name: '修改' }).click();
  const box2 = group.getByRole('textbox', { name: '修改情况说明' });
  await box2.fill(SECOND);
  await box2.press('Control+Enter');
  await group.getByText(SECOND).waitFor();
  // The keyboard continues from where the form was opened.
  await expect.poll(() => phone.evaluate(() => document.activeElement?.textContent)).toBe('修改');
  // Beside 已修改, when: its Beijing date and time, not only the creation's.
  const stored = await phone.evaluate(async () => ((await (await fetch('/api/notes?regionCode=430182&period=2020-05')).json()) as { notes: { text: string; updatedAt: string }[] }).notes);
  const edited = stored.find((note) => note.text === SECOND)!;
  expect(await group.locator('.note-updated').textContent()).toBe(`修改于 ${formatBeijingDateTime(edited.updatedAt)}`);
  await group.getByRole('button', { name: '已修改' }).click();
  const history = group.locator('.note-history li');
  await history.nth(1).waitFor();
  expect(await history.allTextContents()).toEqual([expect.stringMatching(/^第 2 版 · .*6月集中结业$/), expect.stringMatching(/^第 1 版 · .*5月起集中开班$/)]);

  await desk.reload();
  await may.getByText(SECOND).waitFor();
  await may.getByRole('button', { name: '已修改' }).click();
  await may.locator('.note-history li').nth(1).waitFor();
  expect(await may.locator('.note-history li p').allTextContents()).toEqual([SECOND, FIRST]);
  await desk.context().close();
});
