import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

// The administrator: the account with the most menu items.
const session = useBrowserSession('demo-admin');

/**
 * For each element the selector finds: its text and on how many lines it is laid out. A line is a band of
 * text boxes that overlap vertically, so a smaller badge beside the text shares its line.
 */
function linesOf(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.map((element) => {
      const boxes: DOMRect[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent!.trim()) continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects()) if (rect.width > 0) boxes.push(rect);
      }
      boxes.sort((a, b) => a.top - b.top);
      let lines = 0;
      let lineBottom = -Infinity;
      for (const box of boxes) {
        if (box.top >= lineBottom - 1) lines += 1;
        lineBottom = Math.max(lineBottom, box.bottom);
      }
      return { text: element.textContent!.trim(), lines };
    }));
}

const phone = () => session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

describe('short names stay whole on a phone', () => {
  test('every menu item is laid out on one line, none stacked a character a line', async () => {
    const page = await phone();
    await page.goto(`${session.server.url}/?period=2020-06`);
    // 总览 排名 预警 地图 账号 审计日志 预警规则, the last ones once the account is known, and 预警's count
    await page.locator('.top-bar nav a').nth(6).waitFor();
    await page.locator('.top-bar .nav-count').waitFor();
    const items = await linesOf(page, '.top-bar nav a');
    expect(items).toHaveLength(7);
    await page.locator('.top-bar').screenshot({ path: 'test-results/top-bar-390.png' });
    expect(items.filter((item) => item.lines !== 1)).toEqual([]);
    await page.close();
  });

  test('in a city’s alerts each region’s name is on one line', async () => {
    const page = await phone();
    await page.goto(`${session.server.url}/city/430100?period=2020-06`);
    await page.locator('table.city-alerts tbody th').first().waitFor();
    const names = await linesOf(page, 'table.city-alerts tbody th');
    expect(names.length).toBeGreaterThan(1);
    expect(names.filter((name) => name.lines !== 1)).toEqual([]);
    await page.locator('table.city-alerts').screenshot({ path: 'test-results/city-alerts-390.png' });
    await page.close();
  });
});
