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
