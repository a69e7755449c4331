import { RANKING_COLUMNS } from '@dispatch/core';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();

const GAP_COLUMNS = ['rank', 'name', 'completionRatio', 'lag', 'toTimeLine', 'toTarget', 'toReference', 'monthTrainees', 'rankChange'];

/**
 * The classes the styles key on: each cell its column's key (col-<key>), a long table's box `long`. The tables
 * get them from their components; the test sets them too, so that it checks the styles whatever the markup's
 * state (setting a class a cell already has changes nothing).
 */
async function keyColumns(page: Page, keys: readonly string[], long: boolean) {
  const table = page.locator('table.sticky-name').first();
  await table.locator('tbody tr').first().waitFor();
  await table.evaluate((element, { keys, long }) => {
    for (const tr of element.querySelectorAll('tr')) [...tr.children].forEach((cell, i) => cell.classList.add(`col-${keys[i]}`));
    if (long) element.parentElement!.classList.add('long');
  }, { keys, long });
  return table;
}

const shownHeaders = (page: Page) =>
  page.locator('table.sticky-name').first().evaluate((table) =>
    [...table.querySelectorAll('thead th')].filter((th) => getComputedStyle(th).display !== 'none').map((th) => th.textContent!.replace(/[▲▼]/, '')));

const sidewaysScroll = (page: Page) =>
  page.locator('.table-wrap').first().evaluate((box) => box.scrollWidth - box.clientWidth + Math.max(0, document.documentElement.scrollWidth - innerWidth));

/** Scrolls the long table's box down; answers how far it scrolled and the header row's distance from its top. */
async function scrollLongTable(page: Page) {
  return page.locator('.table-wrap.long').evaluate(async (box) => {
    box.scrollTop = 1500;
    await new Promise(requestAnimationFrame);
    return { scrolled: box.scrollTop, header: box.querySelector('thead th')!.getBoundingClientRect().top - box.getBoundingClientRect().top };
  });
}

const phone = () => session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

describe('tables on a phone and long tables', () => {
  test('on a phone the 122 counties show place, region, completion and lag, with no sideways scroll, the header kept in view', async () => {
    const page = await phone();
    await page.goto(`${session.server.url}/rankings?period=2020-08&level=county`);
    await keyColumns(page, RANKING_COLUMNS.map((c) => c.key), true);
    expect(await shownHeaders(page)).toEqual(['名次', '地区', '完成比例', '较时序进度（百分点）']);
    expect(await sidewaysScroll(page)).toBe(0);
    expect(await scrollLongTable(page)).toEqual({ scrolled: 1500, header: 0 });
    await page.locator('.table-wrap.long').screenshot({ path: 'test-results/tables-counties-390.png' });
    await page.close();
  });

  test('on a phone a city’s county table shows completion, lag and the gap in people, with no sideways scroll', async () => {
    const page = await phone();
    await page.goto(`${session.server.url}/city/431200?period=2020-08`);
    await keyColumns(page, GAP_COLUMNS, false);
    expect(await shownHeaders(page)).toEqual(['名次', '县市区', '完成比例', '较时序进度（百分点）', '距时序（人）']);
    expect(await sidewaysScroll(page)).toBe(0);
    await page.locator('table.gaps').screenshot({ path: 'test-results/tables-city-431200-390.png' });
    await page.close();
  });

  test('on an office screen every column shows, and a long table scrolls in its box under its header', async () => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${session.server.url}/rankings?period=2020-08&level=county`);
    await keyColumns(page, RANKING_COLUMNS.map((c) => c.key), true);
    expect(await shownHeaders(page)).toHaveLength(RANKING_COLUMNS.length);
    expect(await scrollLongTable(page)).toEqual({ scrolled: 1500, header: 0 });
    await page.locator('.table-wrap.long').screenshot({ path: 'test-results/tables-counties-1366.png' });
    await page.close();
  });
});

describe('ranking tables on an office screen', () => {
  const months = Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`);

  test('every month, the 122 counties’ 16 columns and the cities’ 15 fit 1366 px: the table’s box does not scroll sideways', async () => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    const overflow: string[] = [];
    for (const path of [...months.map((m) => `/rankings?period=${m}&level=county`), '/rankings?period=2020-02', '/rankings?period=2020-12', '/?period=2020-12']) {
      await page.goto(`${session.server.url}${path}`);
      // with the alerts' badges, which widen the names' column
      await page.locator('table.ranking tbody tr .alert-badge').first().waitFor();
      const box = await page.locator('table.ranking').evaluate((table) => ({ scroll: table.parentElement!.scrollWidth, client: table.parentElement!.clientWidth, columns: table.querySelectorAll('thead th').length }));
      expect(box.columns).toBe(path.includes('county') ? 16 : 15);
      if (box.scroll > box.client) overflow.push(`${path}: ${box.scroll} > ${box.client}`);
    }
    await page.locator('table.ranking').evaluate((table) => table.scrollIntoView());
    await page.screenshot({ path: 'test-results/tables-fit-1366.png' });
    expect(overflow).toEqual([]);
    await page.close();
  });
});

/**
 * Where the heat map's last month's header and its names are on screen: each box, and whether the element at its
 * centre is the cell itself (not covered, not scrolled away under something).
 */
/**
 * Where the month's header and the names sit, measured in the same moment the table is scrolled into view: parts of
 * the page still loading above it (notes, the summary) cannot move it away between the scroll and the measure.
 */
const heatMapPlaces = (page: Page) =>
  page.locator('table.heat-map').evaluate((table) => {
    table.scrollIntoView({ block: 'center' });
    const place = (cell: Element) => {
      const { left, right, top, bottom } = cell.getBoundingClientRect();
      const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      return { text: cell.textContent, left, right, onTop: !!hit && cell.contains(hit) };
    };
    return { month: place([...table.querySelectorAll('thead th')].at(-1)!), names: [...table.querySelectorAll('tbody th')].map(place), viewport: innerWidth };
  });

describe('the ranks heat map on a phone', () => {
  test.each([
    ['the 14 cities', '/alerts?period=2020-12'],
    ['怀化’s counties', '/alerts?period=2020-12&city=431200'],
  ])('%s: the month asked for (12月) and every name are on the screen', async (_, path) => {
    const page = await phone();
    await page.goto(`${session.server.url}${path}`);
    await page.locator('table.heat-map tbody tr').first().waitFor();
    const { month, names, viewport } = await heatMapPlaces(page);
    await page.locator('.table-wrap:has(table.heat-map)').screenshot({ path: `test-results/heat-map-390${path.includes('city') ? '-431200' : ''}.png` });
    expect(month.text).toMatch(/^12/);
    expect(month.left).toBeGreaterThanOrEqual(0);
    expect(month.right).toBeLessThanOrEqual(viewport);
    expect(month.onTop).toBe(true);
    expect(names.length).toBeGreaterThan(5);
    expect(names.filter((name) => name.left < 0 || name.right > viewport || !name.onTop)).toEqual([]);
    await page.close();
  });
});
