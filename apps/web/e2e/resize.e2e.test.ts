import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();

/** Every uncaught error and console error the page reports. */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

const MAP_PATHS = ['/map?period=2020-08', '/city/430100?period=2020-08'];
const PATHS = [...MAP_PATHS, '/?period=2020-08', '/rankings?period=2020-08&level=county'];

/** Waits until the page's charts have drawn: a map its counties, another chart its shapes. */
async function chartsDrawn(page: Page, path: string) {
  const selector = MAP_PATHS.some((p) => p.split('?')[0] === path.split('?')[0]) ? '.chart svg path[stroke="#ffffff"]' : '.chart svg path';
  await page.locator(selector).first().waitFor({ state: 'attached' });
}

/** Each chart's drawing is as wide as its box: a chart that skipped a size caught up with the last one. */
async function chartsFitTheirBoxes(page: Page) {
  await page.waitForTimeout(100);
  const widths = await page.locator('.chart').evaluateAll((boxes) => boxes.map((box) => [box.clientWidth, Math.round(box.querySelector('svg')?.getBoundingClientRect().width ?? -1)]));
  for (const [box, drawing] of widths) expect(drawing).toBe(box);
}

const shotName = (prefix: string, path: string) => `test-results/${prefix}${path.split('?')[0]!.replaceAll('/', '-')}.png`;

describe('charts survive resizing, whole-page captures and moving between pages', () => {
  // A whole-page capture in Chromium's phone emulation lays the page out, for a moment, in a 1 × 1 viewport (seen in
  // a ResizeObserver: the document 1 px wide, every chart's box 0 px): the 1 px step does the same on purpose.
  test.each(PATHS)('%s resized 1366 → 390 → 1 → 800 → 390 and captured whole, with no error', async (path) => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = collectErrors(page);
    await page.goto(`${session.server.url}${path}`);
    await chartsDrawn(page, path);
    for (const width of [1366, 390, 1, 800, 390]) {
      await page.setViewportSize({ width, height: width === 1 ? 1 : width < 640 ? 844 : 768 });
      await page.waitForTimeout(50);
    }
    await page.screenshot({ path: shotName('resize', path), fullPage: true });
    await chartsFitTheirBoxes(page);
    await page.close();
    expect(errors).toEqual([]);
  });

  test('a map whose option changes while its box has no area draws the new option when the box has one again', async () => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    const errors = collectErrors(page);
    await page.goto(`${session.server.url}/map?period=2020-08&metric=lag`);
    await chartsDrawn(page, '/map');
    const fills = () => page.locator('.chart svg path[stroke="#ffffff"]').evaluateAll((paths) => paths.map((p) => p.getAttribute('fill')).join());
    const before = await fills();
    await page.setViewportSize({ width: 1, height: 1 });
    await page.waitForTimeout(50);
    await page.evaluate(() => {
      history.pushState(null, '', '/map?period=2020-08&metric=trainees');
      dispatchEvent(new PopStateEvent('popstate'));
    });
    await page.waitForTimeout(50);
    expect(await fills()).toBe(before); // not drawn yet: there is nowhere to draw it
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.waitForFunction((old) => [...document.querySelectorAll('.chart svg path[stroke="#ffffff"]')].map((p) => p.getAttribute('fill')).join() !== old, before);
    await chartsFitTheirBoxes(page);
    await page.close();
    expect(errors).toEqual([]);
  });

  test('on a phone, one tab going between the map, a city, the overview and the rankings, captured whole each time', async () => {
    const phone = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    const errors = collectErrors(phone);
    for (let round = 0; round < 2; round++) {
      for (const path of PATHS) {
        await phone.goto(`${session.server.url}${path}`);
        await phone.screenshot({ fullPage: true }); // before the charts have drawn …
        await chartsDrawn(phone, path);
        await phone.screenshot({ path: shotName('phone-walk', path), fullPage: true }); // … and after
        await chartsFitTheirBoxes(phone);
      }
    }
    // The same within the app, as a click on a link moves: the old page's charts are disposed.
    for (const path of [...PATHS, ...PATHS]) {
      await phone.evaluate((to) => {
        history.pushState(null, '', to);
        dispatchEvent(new PopStateEvent('popstate'));
      }, path);
      await chartsDrawn(phone, path);
      await phone.screenshot({ fullPage: true });
    }
    await phone.waitForTimeout(100);
    await phone.close();
    expect(errors).toEqual([]);
  });
});
