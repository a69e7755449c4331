import { RULE_LABELS, type Alert } from '@dispatch/core';
import hunanMap from '@dispatch/data/hunan-map.json';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();

interface County {
  code: string;
  name: string;
  /** how much of the screen it covers (px²) */
  area: number;
  /** a point of the screen where the county is drawn and nothing over it, the nearest its middle */
  point: { x: number; y: number } | null;
}

/**
 * The province map's counties on screen. The map draws the counties (white outlines) in the order of the map's
 * features; each county's point is checked to be the county itself (document.elementFromPoint).
 */
async function countiesOnScreen(page: Page): Promise<County[]> {
  const map = page.locator('.chart:has(svg path[stroke="#ffffff"])');
  await map.locator('svg path[stroke="#ffffff"]').first().waitFor({ state: 'attached' });
  const drawn = await map.evaluate((chart) =>
    [...chart.querySelectorAll<SVGPathElement>('svg path[stroke="#ffffff"]')].map((path) => {
      const box = path.getBBox();
      const screen = path.getBoundingClientRect();
      const candidates: { x: number; y: number; off: number }[] = [];
      for (let i = 1; i < 12; i++) {
        for (let j = 1; j < 12; j++) {
          const inside = new DOMPoint(box.x + (box.width * i) / 12, box.y + (box.height * j) / 12);
          if (!path.isPointInFill(inside)) continue;
          const { x, y } = inside.matrixTransform(path.getScreenCTM()!);
          if (document.elementFromPoint(x, y) === path) candidates.push({ x, y, off: Math.abs(i - 6) + Math.abs(j - 6) });
        }
      }
      candidates.sort((a, b) => a.off - b.off);
      const point = candidates[0];
      return { area: screen.width * screen.height, point: point ? { x: point.x, y: point.y } : null };
    }));
  expect(drawn).toHaveLength(hunanMap.counties.features.length);
  return drawn.map((county, i) => ({ ...county, code: hunanMap.counties.features[i]!.properties.code, name: hunanMap.counties.features[i]!.properties.name }));
}

/** The map's tooltip while it shows a county (the chart's own box that names it): its box, the viewport's, its text. */
async function shownTooltip(page: Page, name: string) {
  const tooltip = page.locator('.chart > div', { hasText: `${name}（第` });
  await expect.poll(() => tooltip.evaluate((element) => getComputedStyle(element).visibility, undefined, { timeout: 500 }).catch(() => 'none')).toBe('visible');
  return tooltip.evaluate((element) => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { box: { left, top, right, bottom }, viewport: { width: innerWidth, height: innerHeight }, text: element.textContent ?? '' };
  });
}

async function sentencesOf(period: string, code: string) {
  const { alerts } = await session.api<{ alerts: Alert[] }>(`/api/alerts?period=${period}&level=county`);
  return alerts.filter((a) => a.regionCode === code).map((a) => `${RULE_LABELS[a.rule]}：${a.message}`);
}

describe('the map’s tooltip', () => {
  test('office screen: 城步, a red county at the map’s west, shows its alerts inside the window, sentences wrapped', async () => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${session.server.url}/map?period=2020-02`);
    const chengbu = (await countiesOnScreen(page)).find((county) => county.code === '430529')!;
    await page.mouse.move(chengbu.point!.x, chengbu.point!.y);
    const tip = await shownTooltip(page, chengbu.name);
    await page.screenshot({ path: 'test-results/map-tooltip-chengbu-1366.png' });
    expect(tip.text).toContain(chengbu.name);
    const sentences = await sentencesOf('2020-02', chengbu.code);
    expect(sentences.length).toBeGreaterThan(0);
    for (const sentence of sentences) expect(tip.text).toContain(sentence);
    expect(tip.box.left).toBeGreaterThanOrEqual(0);
    expect(tip.box.right).toBeLessThanOrEqual(tip.viewport.width);
    expect(tip.box.top).toBeGreaterThanOrEqual(0);
    expect(tip.box.bottom).toBeLessThanOrEqual(tip.viewport.height);
    expect(tip.box.right - tip.box.left).toBeLessThanOrEqual(360);
    await page.close();
  });

  test('phone: a first tap on a county shows its figures and alerts and stays; a second tap opens it', async () => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(`${session.server.url}/map?period=2020-06`);
    await page.locator('.chart').scrollIntoViewIfNeeded();
    const counties = await countiesOnScreen(page);
    const sentences = new Map(await Promise.all(counties.map(async (c) => [c.code, await sentencesOf('2020-06', c.code)] as const)));
    // the largest county with alerts: an easy target for a finger
    const county = counties.filter((c) => c.point && sentences.get(c.code)!.length > 0).sort((a, b) => b.area - a.area)[0]!;
    const url = page.url();
    await page.touchscreen.tap(county.point!.x, county.point!.y);
    const tip = await shownTooltip(page, county.name);
    await page.screenshot({ path: 'test-results/map-tooltip-tap-390.png' });
    expect(tip.text).toContain(county.name);
    for (const sentence of sentences.get(county.code)!) expect(tip.text).toContain(sentence);
    expect(tip.text).toContain('再点一次进入');
    // inside the phone's screen, which stays 390 px wide (a page grown wider for a moment is zoomed out for good)
    expect(tip.viewport.width).toBe(390);
    expect(tip.box.left).toBeGreaterThanOrEqual(0);
    expect(tip.box.right).toBeLessThanOrEqual(tip.viewport.width);
    // nothing written on the county (a selected region showed its code)
    expect(await page.locator('.chart svg text').evaluateAll((texts) => texts.map((t) => t.textContent))).not.toContain(county.code);
    await page.waitForTimeout(800);
    expect(page.url()).toBe(url);
    // and the page says so under the map
    expect(await page.locator('.map-hint').isVisible()).toBe(true);
    expect(await page.locator('.map-hint').textContent()).toContain('再点一次进入');
    await page.touchscreen.tap(county.point!.x, county.point!.y);
    await page.waitForURL(`**/region/${county.code}?period=2020-06`);
    await page.close();
  });

  test('office screen: a click opens the county at once, and no touch hint is shown', async () => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${session.server.url}/map?period=2020-06`);
    const county = (await countiesOnScreen(page)).filter((c) => c.point).sort((a, b) => b.area - a.area)[0]!;
    expect(await page.locator('.map-hint').isVisible()).toBe(false);
    // the map answers the pointer once its tooltip does (under load the click could come before the chart listened)
    await page.mouse.move(county.point!.x, county.point!.y);
    await shownTooltip(page, county.name);
    await page.mouse.click(county.point!.x, county.point!.y);
    await page.waitForURL(`**/region/${county.code}?period=2020-06`);
    await page.close();
  });
});
