import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

/** The map's counties (white outlines) and, apart from them and the city borders, what the chart draws: its legend. */
function mapParts(chart: Element): { counties: Box[]; legend: Box[]; texts: string[] } {
  const box = (el: Element): Box => {
    const { left, top, right, bottom } = el.getBoundingClientRect();
    return { left, top, right, bottom };
  };
  const drawn = [...chart.querySelectorAll('svg path, svg text')];
  const county = (el: Element) => el.getAttribute('stroke') === '#ffffff';
  const border = (el: Element) => el.getAttribute('stroke') === '#3b4650';
  const legend = drawn.filter((el) => !county(el) && !border(el));
  return {
    counties: drawn.filter(county).map(box),
    legend: legend.map(box).filter((b) => b.right > b.left && b.bottom > b.top),
    texts: legend.filter((el) => el.tagName === 'text').map((el) => el.textContent ?? ''),
  };
}

const PHONE = 390;
const OFFICE = 1366;

describe('the map legend', () => {
  test.each([
    ['/map?period=2020-08', OFFICE],
    ['/map?period=2020-08', PHONE],
    ['/city/430100?period=2020-08', OFFICE],
    ['/city/430100?period=2020-08', PHONE],
    ['/map?period=2020-08&metric=completionRatio', PHONE],
    ['/map?period=2020-08&metric=trainees', PHONE],
  ])('%s at %i px: the legend covers no county', async (path, width) => {
    const phone = width === PHONE;
    const page = await session.newPage({ viewport: { width, height: phone ? 844 : 768 }, isMobile: phone, hasTouch: phone });
    await page.goto(`${session.server.url}${path}`);
    const map = page.locator('.chart:has(svg path[stroke="#ffffff"])');
    await map.locator('svg path[stroke="#ffffff"]').first().waitFor({ state: 'attached' });
    const { counties, legend } = await map.evaluate(mapParts);
    expect(counties.length).toBeGreaterThan(5);
    expect(legend.length).toBeGreaterThan(2);
    await map.screenshot({ path: `test-results/map-legend${path.split('?')[0]!.replaceAll('/', '-')}-${new URL(path, 'http://x').searchParams.get('metric') ?? 'default'}-${width}.png` });
    const covered = counties.filter((county) => legend.some((part) => overlaps(county, part)));
    expect(covered.map((c) => [c, legend.filter((part) => overlaps(c, part))])).toEqual([]);
    await page.close();
  });

  test('a phone-sized map widened to an office screen lays its bands in a row again, clear of the counties', async () => {
    const page = await session.newPage({ viewport: { width: PHONE, height: 844 } });
    await page.goto(`${session.server.url}/map?period=2020-08`);
    const map = page.locator('.chart:has(svg path[stroke="#ffffff"])');
    await map.locator('svg path[stroke="#ffffff"]').first().waitFor({ state: 'attached' });
    const rows = async () => new Set((await map.evaluate(mapParts)).legend.map((b) => Math.round(b.top))).size;
    const stacked = await rows();
    await page.setViewportSize({ width: OFFICE, height: 768 });
    await page.waitForTimeout(200);
    expect(await rows()).toBeLessThan(stacked);
    const { counties, legend } = await map.evaluate(mapParts);
    expect(counties.filter((county) => legend.some((part) => overlaps(county, part)))).toEqual([]);
    await page.close();
  });

  test('the map opens on the lag against the time line, its legend naming distances in 百分点, not alerts', async () => {
    await session.page.goto(`${session.server.url}/map?period=2020-08`);
    const map = session.page.locator('.chart:has(svg path[stroke="#ffffff"])');
    await map.locator('svg path[stroke="#ffffff"]').first().waitFor({ state: 'attached' });
    expect(await session.page.getByLabel('着色指标').inputValue()).toBe('lag');
    const { texts } = await map.evaluate(mapParts);
    expect(texts).toEqual(['落后 10 个百分点及以上', '落后 0～10 个百分点', '领先 0～10 个百分点', '领先 10 个百分点及以上']);
  });

  test('COVID spring: the map paints most counties 10 points behind yet says no alert’s word; 严重落后 stays the red alert’s', async () => {
    await session.page.goto(`${session.server.url}/map?period=2020-02`);
    const map = session.page.locator('.chart:has(svg path[stroke="#ffffff"])');
    await map.locator('svg path[stroke="#ffffff"]').first().waitFor({ state: 'attached' });
    const farthest = await map.locator('svg path[stroke="#ffffff"][fill="#c8372d"]').count();
    const red = (await session.api<{ alerts: { regionCode: string }[] }>('/api/alerts?period=2020-02&level=county&rule=behind-time&severity=red')).alerts;
    expect(farthest).toBeGreaterThan(2 * red.length); // the map's band and the alert's red are different things
    expect(await session.page.locator('main').evaluate((main) => main.textContent)).not.toMatch(/严重落后|超前/);
  });

  test('a city’s map is coloured against the time line too, its legend in %', async () => {
    await session.page.goto(`${session.server.url}/city/430100?period=2020-08`);
    const map = session.page.locator('.chart:has(svg path[stroke="#ffffff"])');
    await map.locator('svg path[stroke="#ffffff"]').first().waitFor({ state: 'attached' });
    const { texts } = await map.evaluate(mapParts);
    expect(texts).toEqual(['落后 10 个百分点及以上（≤ 56.7%）', '落后 0～10 个百分点（56.7%～66.7%）', '达到时序进度（≥ 66.7%）']);
  });
});
