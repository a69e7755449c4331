import { DEFAULT_ALERT_SETTINGS, type AlertSettings } from '@dispatch/core';
import type { Page } from 'playwright-core';
import { afterAll, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession('demo-admin');
const FIRST = '严重落后：较时序进度不高于';
const saved = () => session.api<AlertSettings>('/api/settings/alerts');

async function openSettings(page: Page) {
  await page.goto(`${session.server.url}/admin/settings`);
  await page.getByLabel(FIRST).waitFor();
}

/** Selects a field's text and types over it, key by key, as a person does; '' clears it. */
async function typeInto(page: Page, label: string, keys: string) {
  await page.getByLabel(label).click();
  await page.keyboard.press('ControlOrMeta+a');
  if (keys === '') await page.keyboard.press('Backspace');
  else await page.keyboard.type(keys);
}

async function saveForm(page: Page) {
  await page.getByRole('button', { name: '保存' }).click();
  await page.getByRole('status').filter({ hasText: '已保存' }).waitFor();
}

afterAll(async () => {
  expect(await saved()).toEqual(DEFAULT_ALERT_SETTINGS);
});

test('a threshold changed on the settings page reads in the audit log as its label and both values', async () => {
  const page = session.page;
  await openSettings(page);
  await page.getByLabel(FIRST).fill('-12');
  await saveForm(page);
  expect((await saved()).behindTime.redPoints).toBe(-12);

  await page.goto(`${session.server.url}/admin/audit?action=settings.alerts`);
  const row = page.locator('table.audit tbody tr').first();
  await row.waitFor();
  const cells = await row.locator('td').allTextContents();
  expect(cells.slice(1)).toEqual(['demo-admin', '127.0.0.1', '修改预警规则', '—', '严重落后：较时序进度不高于 −10 → −12 百分点']);

  await openSettings(page);
  await page.getByLabel(FIRST).fill('-10');
  await saveForm(page);
  expect(await saved()).toEqual(DEFAULT_ALERT_SETTINGS);
});

/** 恢复默认, then save: the thresholds are the defaults again, for whatever runs next. */
async function restoreDefaults(page: Page) {
  await page.getByRole('button', { name: '恢复默认' }).click();
  await saveForm(page);
  expect(await saved()).toEqual(DEFAULT_ALERT_SETTINGS);
}

test('−12 typed by keyboard is saved as −12 and shown again after a reload, beside the default', async () => {
  const page = session.page;
  await openSettings(page);
  await expect(page.getByLabel(FIRST).inputValue()).resolves.toBe('-10');
  await page.locator('#setting-behindTime-redPoints-saved', { hasText: '默认 −10' }).waitFor();
  await typeInto(page, FIRST, '-12');
  await expect(page.getByLabel(FIRST).inputValue()).resolves.toBe('-12');
  await saveForm(page);

  await page.reload();
  await page.getByLabel(FIRST).waitFor();
  await expect(page.getByLabel(FIRST).inputValue()).resolves.toBe('-12');
  await page.locator('#setting-behindTime-redPoints-saved', { hasText: '已保存 −12 · 默认 −10' }).waitFor();
  expect((await saved()).behindTime.redPoints).toBe(-12);

  await restoreDefaults(page);
});

test('an emptied field is named beside it and nothing is sent; a value the server refuses is named by its label', async () => {
  const page = session.page;
  await openSettings(page);
  const sent: string[] = [];
  const onRequest = (request: { method(): string; url(): string }) => {
    if (request.method() === 'PUT') sent.push(request.url());
  };
  page.on('request', onRequest);

  await typeInto(page, '持续靠后：连续', '');
  await typeInto(page, FIRST, '-12');
  await page.getByRole('button', { name: '保存' }).click();
  await page.locator('[data-problem="persistentBottom.months"]', { hasText: '请填写「持续靠后：连续」' }).waitFor();
  await page.getByRole('alert').filter({ hasText: '未保存：请更正标出的 1 项' }).waitFor();
  expect(sent).toEqual([]);
  expect(await saved()).toEqual(DEFAULT_ALERT_SETTINGS);

  await typeInto(page, '持续靠后：连续', '3');
  await typeInto(page, FIRST, '5');
  await page.getByRole('button', { name: '保存' }).click();
  const beside = page.locator('[data-problem="behindTime.redPoints"]');
  await beside.waitFor();
  expect(sent).toHaveLength(1); // the bounds are the server's to check, and it refused
  expect(await beside.textContent()).toBe('「严重落后：较时序进度不高于」应在 −100 至 0 百分点之间');
  expect(await page.locator('form').textContent()).not.toMatch(/behindTime|参数/);
  expect(await saved()).toEqual(DEFAULT_ALERT_SETTINGS);

  page.off('request', onRequest);
  await restoreDefaults(page);
});
