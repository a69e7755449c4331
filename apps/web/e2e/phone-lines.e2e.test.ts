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

/**
 * For each element the selector finds that is laid out on several lines: its text and its last line's characters
 * (spaces left out). Lines are found as linesOf finds them, character by character.
 */
function lastLinesOf(page: Page, selector: string) {
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const chars: { char: string; top: number; bottom: number }[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      const range = document.createRange();
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent!;
        for (let i = 0; i < text.length; i++) {
          if (/\s/.test(text[i]!)) continue;
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const box = [...range.getClientRects()].find((rect) => rect.width > 0);
          if (box) chars.push({ char: text[i]!, top: box.top, bottom: box.bottom });
        }
      }
      chars.sort((a, b) => a.top - b.top);
      const lines: string[] = [];
      let lineBottom = -Infinity;
      for (const { char, top, bottom } of chars) {
        if (top >= lineBottom - 1) lines.push('');
        lines[lines.length - 1] += char;
        lineBottom = Math.max(lineBottom, bottom);
      }
      return lines.length > 1 ? [{ text: element.textContent!.trim(), lines: lines.length, last: lines.at(-1)! }] : [];
    }));
}

const phone = () => session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

describe('short names stay whole on a phone', () => {
  test('every menu item is laid out on one line, none stacked a character a line', async () => {
    const page = await phone();
    await page.goto(`${session.server.url}/?period=2020-06`);
    // 总览 排名 预警 地图 督导 资金 通报 待办 数据导入 账号 审计日志 预警规则, the last ones once the account is known, and 预警's count
    await page.locator('.top-bar nav a').nth(11).waitFor();
    await page.locator('.top-bar .nav-count').first().waitFor();
    const items = await linesOf(page, '.top-bar nav a');
    expect(items).toHaveLength(12);
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

/** Titles of pages and cards, table headers and their units, short cells, the figures' units; the alerts' sentences. */
const SHORT_TEXTS = 'h1, h2, h3, thead th, thead small, td.num, .kpi-label, .kpi-value small, table.city-alerts li, .alert-group li';

describe('no Chinese character is left alone on a line on a phone', () => {
  test.each([
    ['/?period=2020-06', '.kpi', 'table.ranking tbody tr'],
    ['/rankings?period=2020-06', 'table.ranking tbody tr'],
    ['/rankings?period=2020-06&level=county', 'table.ranking tbody tr'],
    ['/alerts?period=2020-06', 'table.heat-map tbody tr', '.alert-group li', 'ul.summons li'],
    ['/map?period=2020-06', '.chart svg path'],
    ['/city/430100?period=2020-06', 'table.city-alerts tbody tr', 'table.gaps tbody tr', '.chart svg path'],
    ['/city/430100?period=2020-12', 'table.city-alerts tbody tr', 'table.gaps tbody tr', '.chart svg path'],
    ['/funds?period=2020-08&level=county', 'table.funds-table tbody tr', '.rounds li'],
    ['/supervision', 'table.actions-table tbody tr'],
    ['/tasks', 'table.actions-table tbody tr'],
    ['/bulletins?period=2020-06', '.bulletin-table tbody tr', '.bulletin-chart svg path'],
  ])('%s: every title, header, unit and sentence laid out on several lines ends with more than one character', async (path, ...ready) => {
    const page = await phone();
    await page.goto(`${session.server.url}${path}`);
    for (const selector of ready) await page.locator(selector).first().waitFor({ state: 'attached' });
    const broken = (await lastLinesOf(page, SHORT_TEXTS)).filter((element) => [...element.last].length <= 1);
    // a header's words on one line, its unit on the next, at most
    const tall = (await lastLinesOf(page, 'thead th')).filter((header) => header.lines > 2);
    await page.screenshot({ path: `test-results/phone-lines${path.replace(/[/?&=]+/g, '-')}.png`, fullPage: true });
    expect(broken).toEqual([]);
    expect(tall).toEqual([]);
    await page.close();
  });
});
