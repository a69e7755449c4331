import { describe, expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();

interface Word {
  text: string;
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/**
 * Every label a chart draws, as the box of its glyphs: as wide as drawn, as tall as its font (the line box is
 * taller than the letters). A name written upright is one label of several lines.
 */
function chartWords(chart: Element): Word[] {
  const labels = new Map<string, Word>();
  chart.querySelectorAll('svg text').forEach((text, i) => {
    const box = text.getBoundingClientRect();
    if (!box.width || !text.textContent?.trim()) return;
    const em = parseFloat(getComputedStyle(text).fontSize);
    const middle = (box.top + box.bottom) / 2;
    const word = { text: text.textContent, left: box.left, right: box.right, top: middle - em / 2, bottom: middle + em / 2 };
    // Lines of one label share their transform (ECharts draws each line as a text of its own).
    const key = text.getAttribute('transform') && text.getAttribute('y') !== null && text.getAttribute('text-anchor') === 'middle' ? `${text.getAttribute('transform')}` : `#${i}`;
    const label = labels.get(key);
    labels.set(key, label
      ? { text: label.text + word.text, left: Math.min(label.left, word.left), right: Math.max(label.right, word.right), top: Math.min(label.top, word.top), bottom: Math.max(label.bottom, word.bottom) }
      : word);
  });
  return [...labels.values()];
}

/** Closer than a pixel: glyphs that touch read as one word. */
const touching = (a: Word, b: Word) => a.left < b.right + 1 && b.left < a.right + 1 && a.top < b.bottom + 1 && b.top < a.bottom + 1;

describe('no two words of a chart overlap', () => {
  test.each([
    ['/?period=2020-08', 390], ['/?period=2020-08', 1366],
    ['/?period=2020-03', 390],
    ['/rankings?period=2020-08&level=county', 390], ['/rankings?period=2020-08&level=county', 1366],
    ['/rankings?period=2020-05&level=county&city=430500', 390],
    ['/city/430100?period=2020-12', 390], ['/city/430100?period=2020-12', 1366],
    ['/city/430800?period=2020-12', 390],
  ])('%s at %i px', async (path, width) => {
    const phone = width === 390;
    const page = await session.newPage({ viewport: { width, height: phone ? 844 : 768 }, isMobile: phone, hasTouch: phone });
    await page.goto(`${session.server.url}${path}`);
    await page.locator('.chart svg text').first().waitFor({ state: 'attached' });
    if (path.startsWith('/city')) await page.locator('.chart svg path[stroke="#ffffff"]').first().waitFor({ state: 'attached' }); // the map comes later
    await page.waitForTimeout(300);
    const charts = page.locator('.chart');
    const clashes: string[] = [];
    for (let c = 0; c < (await charts.count()); c++) {
      const words = await charts.nth(c).evaluate(chartWords);
      words.forEach((a, i) => words.slice(i + 1).forEach((b) => touching(a, b) && clashes.push(`chart ${c}: “${a.text}” and “${b.text}”`)));
      await charts.nth(c).screenshot({ path: `test-results/labels${path.split('?')[0]!.replaceAll('/', '-')}-${new URL(path, 'http://x').searchParams.get('period')}-${width}-${c}.png` });
    }
    await page.close();
    expect(clashes).toEqual([]);
  });
});
