import type { Alert, MetricRow, RankHistory } from '@dispatch/core';
import { expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();
const texts = (selector: string) => session.page.locator(selector).evaluateAll((els) => els.map((e) => e.textContent?.trim() ?? ''));

test('the alerts page names the demo’s persistent bottom three for 2020-12: 常德, 邵阳, 郴州, twelve months running', async () => {
  await session.page.goto(`${session.server.url}/alerts?period=2020-12&level=city`);
  await session.page.locator('ul.summons li').first().waitFor();
  const summons = await texts('ul.summons li');
  for (const city of ['常德市', '邵阳市', '郴州市']) {
    expect(summons.some((line) => line.includes(city) && line.includes('连续12个月排名全省市州后3位'))).toBe(true);
  }
  // Each with its twelve months of ranks.
  expect(await session.page.locator('ul.summons li').first().locator('.rank-strip span').count()).toBe(12);
});

test('the heat map has 14 × 12 cells, each the rank /api/metrics gives', async () => {
  await session.page.goto(`${session.server.url}/alerts?period=2020-12`);
  await session.page.locator('table.heat-map tbody tr').nth(13).waitFor();
  const cells = await session.page.locator('table.heat-map tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({ code: tr.getAttribute('data-code')!, ranks: [...tr.querySelectorAll('td')].map((td) => Number(td.textContent)) })),
  );
  expect(cells).toHaveLength(14);
  for (let month = 1; month <= 12; month++) {
    const rows = (await session.api<{ rows: MetricRow[] }>(`/api/metrics?period=2020-${String(month).padStart(2, '0')}&level=city`)).rows;
    for (const { code, ranks } of cells) expect(ranks[month - 1]).toBe(rows.find((r) => r.code === code)!.rank);
  }
});

test('the overview opens with the month’s alerts and the summons list; the navigation counts the red alerts', async () => {
  await session.page.goto(`${session.server.url}/?period=2020-06`);
  await session.page.locator('.month-alerts ul.summons li').first().waitFor();
  const summary = await session.api<{ counts: { red: number }[] }>('/api/alerts/summary?period=2020-06');
  const red = summary.counts.reduce((sum, c) => sum + c.red, 0);
  expect(await session.page.locator('.top-bar .nav-count').textContent()).toBe(String(red));
  await session.page.locator('.month-alerts').getByRole('link', { name: '查看全部预警 ›' }).click();
  await session.page.waitForURL('**/alerts?period=2020-06');
});

test('COVID spring: the county ranking’s red badges are the few the rule singles out, each saying why on a tap', async () => {
  await session.page.goto(`${session.server.url}/rankings?period=2020-02&level=county`);
  await session.page.locator('table.ranking tbody tr').nth(121).waitFor();
  const redRows = await session.page.locator('table.ranking tbody tr.alert-row-red').evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')));
  const redAlerts = (await session.api<{ alerts: Alert[] }>('/api/alerts?period=2020-02&level=county&severity=red')).alerts;
  expect(redRows.sort()).toEqual([...new Set(redAlerts.map((a) => a.regionCode))].sort());
  expect(redRows.length).toBeLessThan(122 / 3);
  const badge = session.page.locator('table.ranking tbody tr.alert-row-red .alert-badge').first();
  await badge.click();
  const list = session.page.locator(`[id="${await badge.getAttribute('aria-controls')}"]`);
  await expect.poll(() => list.locator('li').first().textContent()).toMatch(/落后时序进度 [\d.]+ 个百分点/);
});

test('the alerts page’s filters live in the address, and its Excel file is what it shows', async () => {
  await session.page.goto(`${session.server.url}/alerts?period=2020-08&level=county&city=430500&severity=red`);
  await session.page.locator('.alert-group li').first().waitFor();
  expect(await session.page.getByLabel('市州').inputValue()).toBe('430500');
  const shown = await session.page.locator('.alert-group li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-code')));
  const listed = (await session.api<{ alerts: Alert[] }>('/api/alerts?period=2020-08&level=county&parent=430500&severity=red')).alerts;
  expect(shown).toEqual(listed.map((a) => a.regionCode));
  const href = await session.page.getByRole('link', { name: '导出 Excel' }).getAttribute('href');
  expect(href).toBe('/api/exports/alerts.xlsx?period=2020-08&level=county&parent=430500&severity=red');
  const history = await session.api<RankHistory>('/api/metrics/ranks?period=2020-08&level=county&parent=430500');
  expect(await session.page.locator('table.heat-map tbody tr').count()).toBe(history.regions.length);
});

test('COVID spring: a city’s county table tints the rows its alerts name, red only for a red alert, not every county far behind', async () => {
  await session.page.goto(`${session.server.url}/city/430400?period=2020-02`);
  const rows = session.page.locator('table.gaps tbody tr');
  await rows.first().waitFor();
  const { alerts } = await session.api<{ alerts: Alert[] }>('/api/alerts?period=2020-02&level=county&parent=430400');
  const worst = new Map<string, string>();
  for (const a of alerts) if (!worst.has(a.regionCode) || a.severity === 'red') worst.set(a.regionCode, a.severity);
  const tinted = async (severity: string) => (await session.page.locator(`table.gaps tbody tr.alert-row-${severity}`).evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-code')))).sort();
  await expect.poll(() => tinted('red')).toEqual([...worst].filter(([, s]) => s === 'red').map(([code]) => code).sort());
  expect(await tinted('yellow')).toEqual([...worst].filter(([, s]) => s === 'yellow').map(([code]) => code).sort());
  // 10 points behind the time line is not the red alert: in February 10 of 衡阳's 12 counties are, 2 have a red alert
  const metrics = (await session.api<{ rows: MetricRow[] }>('/api/metrics?period=2020-02&level=county&parent=430400')).rows;
  expect(metrics.filter((r) => r.lag !== null && r.lag <= -0.1).length).toBeGreaterThan((await tinted('red')).length);
});
