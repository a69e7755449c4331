import { formatPercent, formatWan, rankingColumns, type MetricRow, type RankingColumnKey } from '@dispatch/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();
/** Where a column is in the cities' ranking table. */
const at = (key: RankingColumnKey) => rankingColumns('city').findIndex((c) => c.key === key);

async function apiRows(period: string): Promise<MetricRow[]> {
  return (await session.api<{ rows: MetricRow[] }>(`/api/metrics?period=${period}&level=city`)).rows;
}

async function tableRows(p: Page) {
  return p.locator('table.ranking tbody tr').evaluateAll((trs) =>
    trs.map((tr) => ({
      code: tr.getAttribute('data-code'),
      cells: [...tr.querySelectorAll('td, th')].map((cell) => cell.textContent?.trim() ?? ''),
    })),
  );
}

describe('the city ranking page', () => {
  test('shows the latest month’s 14 cities in the API’s order with the API’s figures', async () => {
    await session.page.goto(session.server.url);
    await session.page.locator('table.ranking tbody tr').nth(13).waitFor();
    const expected = await apiRows('2020-12');
    const shown = await tableRows(session.page);
    expect(shown.map((r) => r.code)).toEqual(expected.map((r) => r.code));
    shown.forEach((row, i) => {
      const api = expected[i]!;
      expect(row.cells[at('rank')]).toBe(String(api.rank));
      expect(row.cells[at('trainees')]).toBe(formatWan(api.trainees));
      expect(row.cells[at('completionRatio')]).toBe(formatPercent(api.completionRatio));
      expect(row.cells[at('fundsAudited')]).toBe(formatWan(api.fundsAudited));
    });
    await expect(session.page.getByRole('note').textContent()).resolves.toContain('演示数据');
    await expect(session.page.locator('h1').textContent()).resolves.toBe('2020年1—12月 全省职业技能提升行动进展');
  });

  test('draws one bar per city and the time line in the chart', async () => {
    const chart = session.page.locator('.chart svg');
    await expect(chart.locator('text', { hasText: '时序进度 100.0%' }).count()).resolves.toBe(1);
    await expect(chart.locator('text', { hasText: '湘西州' }).count()).resolves.toBe(1);
    await session.page.screenshot({ path: 'test-results/city-ranking-1366.png', fullPage: true });
  });

  test('switching the month changes the numbers to that month’s and puts it in the address', async () => {
    await session.page.getByLabel('统计期间').selectOption('2020-05');
    await session.page.locator('h1', { hasText: '2020年1—5月' }).waitFor();
    const expected = await apiRows('2020-05');
    // every row in May's order (湘西 leads in December too: its first row alone does not tell the months apart)
    await session.page.waitForFunction(
      (codes) => [...document.querySelectorAll('table.ranking tbody tr')].map((tr) => tr.getAttribute('data-code')).join() === codes,
      expected.map((r) => r.code).join(),
    );
    const shown = await tableRows(session.page);
    expect(shown.map((r) => r.cells[at('completionRatio')])).toEqual(expected.map((r) => formatPercent(r.completionRatio)));
    expect(new URL(session.page.url()).searchParams.get('period')).toBe('2020-05');
    // Every city is below the line in May; the line must still be drawn.
    await expect(session.page.locator('.chart svg text', { hasText: '时序进度 41.7%' }).count()).resolves.toBe(1);
    // May is behind the time line for every city: each row carries its alerts, tinted by the worst.
    const alerted = new Set((await session.api<{ alerts: { regionCode: string }[] }>('/api/alerts?period=2020-05&level=city')).alerts.map((a) => a.regionCode));
    expect(alerted.size).toBe(expected.filter((r) => r.lag !== null && r.lag < 0).length);
    await expect(session.page.locator('tr.alert-row-red, tr.alert-row-yellow').count()).resolves.toBe(alerted.size);
  });

  test.each([
    ['/map?period=2019-05', '地址中的“2019-05”没有数据，已显示最新月份 2020年1—12月。'],
    ['/alerts?period=2020-13', '地址中的“2020-13”不是有效的统计期间（应为 年-月，如 2020-06），已显示最新月份 2020年1—12月。'],
  ])('%s: a month without data, or not a month, is replaced by the latest, and the page says so', async (path, notice) => {
    const other = await session.newPage();
    await other.goto(`${session.server.url}${path}`);
    await other.getByRole('status').filter({ hasText: notice }).waitFor();
    await other.locator('h1', { hasText: '2020年1—12月' }).waitFor();
    await other.close();
  });

  test('a shared link opens that month', async () => {
    const other = await session.newPage();
    await other.goto(`${session.server.url}/?period=2020-08`);
    await other.locator('h1', { hasText: '2020年1—8月' }).waitFor();
    await other.close();
  });
});
