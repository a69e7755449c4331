import { RULE_LABELS, type Alert } from '@dispatch/core';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();

const OFFICE = { width: 1366, height: 768 };
const PHONE = { width: 390, height: 844 };

/** The badges a ranking table shows, as the rows they are on (their region's code and place in the table). */
async function badgedRows(page: Page) {
  const rows = page.locator('table.ranking tbody tr');
  await rows.first().waitFor();
  // the badges come with the alerts, a second answer: the rows can be drawn before it arrives
  await page.locator('table.ranking tbody tr .alert-badge').first().waitFor();
  const all = await rows.evaluateAll((trs) => trs.map((tr, index) => ({ index, code: tr.getAttribute('data-code')!, badged: !!tr.querySelector('.alert-badge') })));
  return { count: all.length, badged: all.filter((row) => row.badged) };
}

/** The badged row nearest the table's end, and the one nearest its middle. */
function lastAndMiddle({ count, badged }: Awaited<ReturnType<typeof badgedRows>>) {
  const last = badged.at(-1)!;
  const middle = [...badged].sort((a, b) => Math.abs(a.index - count / 2) - Math.abs(b.index - count / 2))[0]!;
  return { last, middle };
}

/**
 * The opened list of a badge: its box and the viewport's, the points by its corners and its centre where
 * something else is on top of it, its text.
 */
async function openedList(page: Page, badge: Locator) {
  expect(await badge.getAttribute('aria-expanded')).toBe('true');
  const id = await badge.getAttribute('aria-controls');
  expect(id).toBeTruthy();
  const list = page.locator(`[id="${id}"]`);
  await list.waitFor();
  return list.evaluate((element) => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    // 6 px in from each corner: inside a rounded corner
    const points = [[left + 6, top + 6], [right - 6, top + 6], [left + 6, bottom - 6], [right - 6, bottom - 6], [(left + right) / 2, (top + bottom) / 2]] as const;
    return {
      box: { left, top, right, bottom },
      viewport: { width: innerWidth, height: innerHeight },
      covered: points.filter(([x, y]) => {
        const hit = document.elementFromPoint(x, y);
        return !hit || !element.contains(hit);
      }),
      text: element.textContent ?? '',
    };
  });
}

/** Every alert sentence of a region for the month, as /api/alerts gives them: the rule's name and its message. */
async function sentencesOf(period: string, level: 'city' | 'county', code: string) {
  const { alerts } = await session.api<{ alerts: Alert[] }>(`/api/alerts?period=${period}&level=${level}`);
  const own = alerts.filter((a) => a.regionCode === code);
  expect(own.length).toBeGreaterThan(0);
  return own.map((a) => `${RULE_LABELS[a.rule]}：${a.message}`);
}

async function expectReadable(page: Page, row: { code: string }, period: string, level: 'city' | 'county', shot: string) {
  const badge = page.locator(`table.ranking tbody tr[data-code="${row.code}"] .alert-badge`);
  const opened = await openedList(page, badge);
  await page.screenshot({ path: `test-results/alert-badge-${shot}.png` });
  expect(opened.box.left).toBeGreaterThanOrEqual(0);
  expect(opened.box.top).toBeGreaterThanOrEqual(0);
  expect(opened.box.right).toBeLessThanOrEqual(opened.viewport.width);
  expect(opened.box.bottom).toBeLessThanOrEqual(opened.viewport.height);
  expect(opened.covered).toEqual([]);
  for (const sentence of await sentencesOf(period, level, row.code)) expect(opened.text).toContain(sentence);
  return opened;
}

describe('a badge’s alerts open whole, on top, inside the screen', () => {
  test('office screen, the cities of 2020-12: 郴州, the last row, opens to all three of its sentences', async () => {
    const page = await session.newPage({ viewport: OFFICE });
    await page.goto(`${session.server.url}/rankings?period=2020-12`);
    const { count, badged } = await badgedRows(page);
    const chenzhou = badged.find((row) => row.code === '431000')!;
    expect(chenzhou.index).toBe(count - 1);
    await page.locator('tr[data-code="431000"] .alert-badge').click();
    const opened = await expectReadable(page, chenzhou, '2020-12', 'city', 'cities-1366');
    expect((await sentencesOf('2020-12', 'city', '431000')).length).toBe(3);
    expect(opened.text).toContain('郴州');
    await page.close();
  });

  test.each([
    ['office screen', OFFICE],
    ['phone', PHONE],
  ])('%s, the 122 counties of 2020-06: the last and a middle row’s badges open to every sentence', async (_, viewport) => {
    const phone = viewport === PHONE;
    const page = await session.newPage({ viewport, isMobile: phone, hasTouch: phone });
    await page.goto(`${session.server.url}/rankings?period=2020-06&level=county`);
    const rows = await badgedRows(page);
    expect(rows.count).toBe(122);
    const { last, middle } = lastAndMiddle(rows);
    expect(last.index).toBeGreaterThan(110);
    expect(middle.index).toBeGreaterThan(30);
    expect(middle.index).toBeLessThan(90);
    for (const [name, row] of [['last', last], ['middle', middle]] as const) {
      const badge = page.locator(`table.ranking tbody tr[data-code="${row.code}"] .alert-badge`);
      await (phone ? badge.tap() : badge.click());
      const opened = await expectReadable(page, row, '2020-06', 'county', `counties-${name}-${viewport.width}`);
      // a phone shows them in a sheet across the screen's width
      if (phone) expect([opened.box.left, opened.box.right]).toEqual([0, viewport.width]);
      await page.keyboard.press('Escape');
      await expect.poll(() => badge.getAttribute('aria-expanded')).toBe('false');
    }
    await page.close();
  });
});

describe('opening and closing', () => {
  test('the keyboard opens a badge with Enter and Space; Escape closes it and gives focus back', async () => {
    const page = await session.newPage({ viewport: OFFICE });
    await page.goto(`${session.server.url}/rankings?period=2020-12`);
    const badge = page.locator('tr[data-code="431000"] .alert-badge');
    await badge.focus();
    await page.keyboard.press('Enter');
    await openedList(page, badge);
    await page.keyboard.press('Escape');
    expect(await badge.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    expect(await badge.evaluate((element) => element === document.activeElement)).toBe(true);
    await page.keyboard.press('Space');
    await openedList(page, badge);
    await page.close();
  });

  test('a click elsewhere closes it', async () => {
    const page = await session.newPage({ viewport: OFFICE });
    await page.goto(`${session.server.url}/rankings?period=2020-12`);
    const badge = page.locator('tr[data-code="431000"] .alert-badge');
    await badge.click();
    await openedList(page, badge);
    await page.locator('h1').click();
    await expect.poll(() => badge.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    await page.close();
  });

  test('it follows its badge as the page scrolls, and closes once the table’s box scrolls the badge out of sight', async () => {
    const page = await session.newPage({ viewport: OFFICE });
    await page.goto(`${session.server.url}/rankings?period=2020-06&level=county`);
    const { middle } = lastAndMiddle(await badgedRows(page));
    const badge = page.locator(`tr[data-code="${middle.code}"] .alert-badge`);
    await badge.click();
    const id = await badge.getAttribute('aria-controls');
    /** the list's distance from its badge: its top under the badge's bottom, or its bottom over the badge's top */
    const distance = () => page.evaluate((id) => {
      const list = document.getElementById(id)!.getBoundingClientRect();
      const badge = document.querySelector('[aria-controls]')!.getBoundingClientRect();
      return list.top >= badge.bottom ? list.top - badge.bottom : badge.top - list.bottom;
    }, id!);
    expect(await distance()).toBe(4);
    await page.mouse.wheel(0, 120);
    await expect.poll(() => page.evaluate(() => scrollY)).toBeGreaterThan(0);
    await expect.poll(distance).toBe(4);
    await page.locator('.table-wrap.long').evaluate((box) => box.scrollBy(0, 2000));
    await expect.poll(() => badge.getAttribute('aria-expanded')).toBe('false');
    expect(await page.locator('[role="dialog"]').count()).toBe(0);
    await page.close();
  });

  test('on a phone a tap on the dimmed page closes the sheet without opening what is under it', async () => {
    const page = await session.newPage({ viewport: PHONE, isMobile: true, hasTouch: true });
    await page.goto(`${session.server.url}/rankings?period=2020-06&level=county`);
    const { badged } = await badgedRows(page);
    const row = page.locator(`tr[data-code="${badged[0]!.code}"]`);
    const badge = row.locator('.alert-badge');
    await row.evaluate((element) => element.scrollIntoView({ block: 'center' }));
    await badge.tap();
    await openedList(page, badge);
    const url = page.url();
    // the region's name, a link, lies under the dimmed page
    const link = await row.locator('a').boundingBox();
    await page.touchscreen.tap(link!.x + 4, link!.y + link!.height / 2);
    await expect.poll(() => badge.getAttribute('aria-expanded')).toBe('false');
    expect(page.url()).toBe(url);
    await page.close();
  });
});
