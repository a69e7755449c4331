import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bulletinTitleLines, type BulletinDocument, type BulletinTable, type IssuedBulletin } from '@dispatch/core';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { sameOrigin, signIn, useBrowserSession } from './harness.ts';

const session = useBrowserSession('demo-official');
const TITLE = '关于2020年1—5月全省职业技能提升行动工作进展情况的通报';
const CITIES = ['长沙市', '株洲市', '湘潭市', '衡阳市', '邵阳市', '岳阳市', '常德市', '张家界市', '益阳市', '郴州市', '永州市', '怀化市', '娄底市', '湘西土家族苗族自治州'];
const folder = mkdtempSync(join(tmpdir(), 'dispatch-print-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const draft = (query = '') => session.api<BulletinDocument>(`/api/bulletins/draft?period=2020-05&format=json${query}`);
const firstTable = (doc: BulletinDocument): BulletinTable => doc.body.flatMap((b) => (b.kind === 'table' ? [b.table] : []))[0]!;

async function openBulletin(page: Page, path = '/bulletins?period=2020-05') {
  await page.goto(`${session.server.url}${path}`);
  await page.locator('.bulletin-sheet .bulletin-title').waitFor();
}

/** The preview's first table, row by row, as its cells read. */
async function shownCityTable(page: Page): Promise<string[][]> {
  const rows = page.locator('.bulletin-sheet > figure.bulletin-table').first().locator('tbody tr');
  return rows.evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent ?? '')));
}

/** The page printed by Chromium on A4, as text, and each page's size in points. */
async function printed(page: Page, name: string): Promise<{ text: string; sizes: number[][] }> {
  await page.emulateMedia({ media: 'print' });
  const file = join(folder, `${name}.pdf`);
  writeFileSync(file, await page.pdf({ format: 'A4' }));
  await page.emulateMedia({ media: 'screen' });
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  const info = execFileSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])]);
  return { text, sizes };
}

describe('the preview', () => {
  test('the draft of 2020-05 reads as its document: the title, and the 14 cities with the same cells as the API', async () => {
    const page = session.page;
    await openBulletin(page);
    await expect(page.locator('.bulletin-sheet .bulletin-title').textContent()).resolves.toBe(TITLE);
    // the title in the PDF's and the Word copy's lines, each one line on the sheet (no word carried over)
    const lines = page.locator('.bulletin-sheet .bulletin-title-line');
    await expect(lines.allTextContents()).resolves.toEqual(bulletinTitleLines(TITLE));
    const boxes = await lines.evaluateAll((spans) => spans.map((span) => {
      const range = document.createRange();
      range.selectNodeContents(span);
      return new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size;
    }));
    expect(boxes).toEqual(bulletinTitleLines(TITLE).map(() => 1));
    await page.locator('.bulletin-mark-draft', { hasText: '草稿' }).waitFor();
    await page.locator('.bulletin-mark-demo').waitFor();
    const table = firstTable(await draft());
    const shown = await shownCityTable(page);
    expect(shown).toEqual([...table.rows.map((r) => r.cells), table.total!]);
    expect(shown.slice(0, 14).map((cells) => cells[1]).sort()).toEqual([...CITIES].sort());
    await page.locator('.bulletin-chart svg').first().waitFor();
    await page.locator('.bulletin-attachment-label', { hasText: '附件1' }).waitFor();
  });

  test('the download links name the draft route’s files; a refused download says the server’s words', async () => {
    const page = session.page;
    await openBulletin(page);
    for (const [label, format] of [['下载 PDF', 'pdf'], ['下载 Word', 'docx'], ['下载 Excel', 'xlsx']]) {
      await expect(page.getByRole('link', { name: label }).getAttribute('href')).resolves.toBe(`/api/bulletins/draft?period=2020-05&format=${format}`);
    }
    await page.route('**/api/bulletins/draft?*format=pdf*', (route) =>
      route.fulfill({ status: 400, contentType: 'application/json', body: JSON.stringify({ error: { code: 'BAD_REQUEST', message: '参数 format：尚未提供该格式（pdf）' } }) }));
    await page.getByRole('link', { name: '下载 PDF' }).click();
    await page.getByRole('alert').filter({ hasText: '下载失败：参数 format：尚未提供该格式（pdf）' }).waitFor();
    await page.unroute('**/api/bulletins/draft?*format=pdf*');
  });
});

/** The element is on the screen: inside the viewport from top to bottom. */
async function expectInView(page: Page, locator: ReturnType<Page['locator']>) {
  const box = (await locator.boundingBox())!;
  const height = page.viewportSize()!.height;
  expect(box.y, 'top on the screen').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom on the screen').toBeLessThanOrEqual(height);
}

describe('editing the draft', () => {
  const requirements = () => session.page.getByLabel('下一步工作要求');

  test.each([[1366, 768], [390, 844]])('a save refused for a character the fonts lack (王玗, Ctrl+Enter) is said where the person is typing, at %d px', async (width, height) => {
    const { cookie } = await signIn(session.server, 'demo-official');
    const [name, value] = cookie.split('=') as [string, string];
    const context = await session.browser.newContext({ viewport: { width, height }, ...(width < 500 ? { isMobile: true, hasTouch: true } : {}) });
    await context.addCookies([{ name, value, url: session.server.url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    try {
      await openBulletin(page);
      const problems = page.getByLabel('存在问题', { exact: true });
      await problems.fill('王玗同志指出的问题仍未解决。');
      await problems.press('Control+Enter');
      const alert = page.getByRole('alert').filter({ hasText: '保存失败' });
      await alert.waitFor();
      await expect(alert.textContent()).resolves.toContain('玗');
      await expectInView(page, alert);
      await expect(problems.getAttribute('aria-invalid')).resolves.toBe('true');
      await expect(problems.getAttribute('aria-describedby')).resolves.toBe('bulletin-save-error');
    } finally {
      await context.close();
    }
  });

  test('an official edits 下一步工作要求, saves with Ctrl+Enter, reloads and sees it', async () => {
    const page = session.page;
    await openBulletin(page);
    await requirements().fill('一是加快培训进度，六月底前追上时序进度。\n二是按月报送整改情况。');
    await page.getByRole('status').filter({ hasText: '有未保存的修改' }).waitFor();
    // Leaving by the menu with unsaved text asks first; staying keeps the text.
    let asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.locator('.top-bar nav a', { hasText: '排名' }).click();
    expect(asked).toContain('未保存的修改');
    expect(new URL(page.url()).pathname).toBe('/bulletins');
    // So does another month from the top bar's picker: staying keeps the month and the text.
    asked = '';
    page.once('dialog', (dialog) => {
      asked = dialog.message();
      void dialog.dismiss();
    });
    await page.getByLabel('统计期间').selectOption('2020-04');
    expect(asked).toContain('未保存的修改');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2020-05');
    await expect(page.getByLabel('统计期间').inputValue()).resolves.toBe('2020-05');
    await expect(requirements().inputValue()).resolves.toBe('一是加快培训进度，六月底前追上时序进度。\n二是按月报送整改情况。');
    // And the browser's Back: staying keeps the page and the text.
    const question = new Promise<string>((resolve) => page.once('dialog', (dialog) => {
      resolve(dialog.message());
      void dialog.dismiss();
    }));
    await page.evaluate(() => window.history.back());
    expect(await question).toContain('未保存的修改');
    expect(new URL(page.url()).searchParams.get('period')).toBe('2020-05');
    await expect(requirements().inputValue()).resolves.toBe('一是加快培训进度，六月底前追上时序进度。\n二是按月报送整改情况。');
    await requirements().press('Control+Enter');
    await page.getByRole('status').filter({ hasText: '已保存（第 1 版）：演示·省人社厅职业能力建设处' }).waitFor();
    await page.reload();
    await requirements().waitFor();
    await expect(requirements().inputValue()).resolves.toBe('一是加快培训进度，六月底前追上时序进度。\n二是按月报送整改情况。');
    const doc = await draft();
    expect(doc.draft?.edits).toEqual({ requirements: '一是加快培训进度，六月底前追上时序进度。\n二是按月报送整改情况。' });
    expect(doc.body.filter((b) => b.kind === 'paragraph' && b.editable === 'requirements').map((b) => b.kind === 'paragraph' && b.text))
      .toEqual(['一是加快培训进度，六月底前追上时序进度。', '二是按月报送整改情况。']);
  });

  test('a save over someone else’s newer version is refused and offers their text', async () => {
    const page = session.page;
    await openBulletin(page);
    const { version } = (await draft()).draft!;
    const other = await signIn(session.server, 'demo-admin');
    const response = await fetch(`${session.server.url}/api/bulletins/draft/2020-05`, {
      method: 'PUT', headers: { ...sameOrigin(session.server), cookie: other.cookie, 'x-csrf-token': other.csrfToken },
      body: JSON.stringify({ edits: { requirements: '管理员改过的要求。' }, version }),
    });
    expect(response.status).toBe(200);
    await requirements().fill('我的修改。');
    await page.getByRole('button', { name: '保存' }).click();
    await page.getByRole('alert').filter({ hasText: '已被他人保存了新版本' }).waitFor();
    // said where the person is: in the sticky bar on the screen, not ~3,000 px above the text being edited
    await expectInView(page, page.getByRole('alert').filter({ hasText: '已被他人保存了新版本' }));
    await expectInView(page, page.getByRole('button', { name: '重新加载' }));
    await page.getByRole('button', { name: '重新加载' }).click();
    await page.getByRole('status').filter({ hasText: `已保存（第 ${version + 1} 版）` }).waitFor();
    await expect(requirements().inputValue()).resolves.toBe('管理员改过的要求。');
  });
});

test('a city leader on a phone sees 长沙市’s extract, without text boxes, and the page does not scroll sideways', async () => {
  const { cookie } = await signIn(session.server, 'demo-city');
  const [name, value] = cookie.split('=') as [string, string];
  const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  await context.addCookies([{ name, value, url: session.server.url, httpOnly: true, sameSite: 'Strict' }]);
  const page = await context.newPage();
  await page.goto(`${session.server.url}/bulletins?period=2020-05`);
  await page.locator('.bulletin-sheet .bulletin-title', { hasText: `${TITLE}（长沙市）` }).waitFor();
  await expect(page.getByLabel('通报范围').locator('option:checked').textContent()).resolves.toBe('本市摘编（长沙）');
  await expect(page.getByLabel('通报范围').locator('option').allTextContents()).resolves.toContain('株洲摘编');
  expect((await page.getByLabel('通报范围').locator('option').allTextContents()).join()).not.toContain('摘要');
  expect(await page.locator('textarea').count()).toBe(0);
  expect(await page.getByRole('button', { name: '保存' }).count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await context.close();
});

test('an address whose ?city= names no city says so, as a bad period does, and shows the province’s bulletin', async () => {
  const page = session.page;
  await openBulletin(page, '/bulletins?period=2020-05&city=abc');
  await page.getByRole('status').filter({ hasText: '地址中的“abc”不是市州代码，已显示全省通报。' }).waitFor();
  await expect(page.locator('.bulletin-sheet .bulletin-title').textContent()).resolves.toBe(TITLE);
  await openBulletin(page, '/bulletins?period=2020-05&city=430200');
  await page.locator('.bulletin-sheet .bulletin-title', { hasText: '株洲市' }).waitFor();
  expect(await page.getByRole('status').filter({ hasText: '不是市州代码' }).count()).toBe(0);
});

describe('printed', () => {
  test.each([
    ['/rankings?period=2020-05&level=county', 'rankings', '名次变化'],
    ['/bulletins?period=2020-05', 'bulletin', TITLE],
  ])('%s prints on A4 without the app’s bar, every column kept', async (path, name, expected) => {
    const page = session.page;
    await page.goto(`${session.server.url}${path}`);
    await page.locator(name === 'bulletin' ? '.bulletin-chart svg' : 'table.ranking tbody tr').first().waitFor();
    const { text, sizes } = await printed(page, name);
    // A title broken over two lines is still the title.
    expect(text.replace(/\s+/g, '')).toContain(expected);
    for (const nav of ['总览', '统计期间', '退出', '修改密码', '导出 Excel', '下载 PDF']) expect(text).not.toContain(nav);
    expect(sizes.length).toBeGreaterThan(1);
    for (const [width, height] of sizes) expect([Math.round(width!), Math.round(height!)]).toEqual([596, 843]);
    if (name === 'bulletin') {
      // The list of attachments is kept on one page: 「2. …」 is printed on the page of 「附件：1. …」.
      const listPage = text.split('\f').find((p) => p.includes('附件：'))!.replace(/\s+/g, '');
      expect(listPage).toContain('2.2020年1—5月各县市区完成情况表');
      await expect(page.locator('.bulletin-attachment-list').first().evaluate((list) => {
        const style = getComputedStyle(list);
        return style.breakInside;
      })).resolves.toBe('auto'); // on screen; in print (below) avoid
      await page.emulateMedia({ media: 'print' });
      await expect(page.locator('.bulletin-attachment-list').first().evaluate((list) => getComputedStyle(list).breakInside)).resolves.toBe('avoid');
      await page.emulateMedia({ media: 'screen' });
    }
    if (name === 'rankings') {
      // The header row is printed on every page, not only the first.
      expect(text.split('\f').filter((p) => p.trim()).every((p) => p.includes('名次变化'))).toBe(true);
    }
  });
});

describe('issuing', () => {
  test('an official issues 2020-05 after a confirmation naming its number, then corrects it; the archive lists both with their files and extracts; a city leader sees the archive without the buttons', async () => {
    const page = session.page;
    await openBulletin(page);
    await page.getByText('尚未印发通报。').waitFor();
    // Esc closes the confirmation (the focus is in it) and gives the focus back to 印发…
    await page.getByRole('button', { name: '印发…' }).click();
    await page.getByRole('alertdialog', { name: '确认印发' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: '确认印发' }).waitFor({ state: 'detached' });
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe('印发…');
    await page.getByRole('button', { name: '印发…' }).click();
    const year = new Date().getFullYear();
    await page.getByRole('alertdialog', { name: '确认印发' }).filter({ hasText: `2020年1—5月通报第1期，文号 湘人社函〔${year}〕1号` }).waitFor();
    // Once sent, it cannot be stopped: no 取消, no Esc, and it says to wait (the request held back a moment to see it)
    await page.route('**/api/bulletins', (route) => setTimeout(() => void route.continue(), 1_500));
    await page.getByRole('button', { name: '确认印发' }).click();
    await page.getByRole('status').filter({ hasText: '正在印发，约需数秒，请勿关闭页面' }).waitFor();
    expect(await page.getByRole('button', { name: '取消' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: '确认印发' }).waitFor();
    await page.getByRole('status').filter({ hasText: '已印发第1期' }).waitFor();
    await page.unroute('**/api/bulletins');
    const card = page.locator('.bulletin-archive .bulletin-card');
    await expect(card.first().locator('.bulletin-card-number').textContent()).resolves.toBe('第1期');
    const [issued] = (await session.api<{ bulletins: IssuedBulletin[] }>('/api/bulletins')).bulletins;
    await expect(card.first().locator('code').textContent()).resolves.toBe(`${issued!.sha256.pdf.slice(0, 12)}…`);
    await expect(card.first().getByRole('link', { name: '下载第1期第 1 版 PDF' }).getAttribute('href')).resolves.toBe(`/api/bulletins/${issued!.id}.pdf`);
    const pdf = Buffer.from(await session.file(`/api/bulletins/${issued!.id}.pdf`));
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(issued!.sha256.pdf);
    // The province's posts pick one of the 14 extracts frozen with it.
    const picker = card.first().getByLabel('第1期第 1 版的市州摘编');
    await expect(picker.locator('option').allTextContents()).resolves.toEqual(['选择市州…', ...CITIES]);
    await picker.selectOption({ label: '株洲市' });
    await expect(card.first().getByRole('link', { name: '下载第1期第 1 版株洲市摘编 PDF' }).getAttribute('href')).resolves.toBe(`/api/bulletins/${issued!.id}.pdf?city=430200`);

    await page.getByRole('button', { name: '发布更正…' }).click();
    await page.getByRole('alertdialog', { name: '确认发布更正' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('alertdialog', { name: '确认发布更正' }).waitFor({ state: 'detached' });
    await page.getByRole('button', { name: '发布更正…' }).click();
    await page.getByRole('alertdialog', { name: '确认发布更正' }).filter({ hasText: '2020年1—5月通报第1期（更正），第 2 版' }).waitFor();
    await page.getByRole('button', { name: '确认发布更正' }).click();
    await page.getByRole('status').filter({ hasText: '已印发第1期（第 2 版）' }).waitFor();
    await expect(card.allTextContents()).resolves.toHaveLength(2);
    await expect(card.first().locator('.bulletin-card-number').textContent()).resolves.toBe('第1期（更正）');

    const leader = await signIn(session.server, 'demo-city');
    const [name, value] = leader.cookie.split('=') as [string, string];
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies([{ name, value, url: session.server.url, httpOnly: true, sameSite: 'Strict' }]);
    const cityPage = await context.newPage();
    await cityPage.goto(`${session.server.url}/bulletins?period=2020-05`);
    await cityPage.locator('.bulletin-archive .bulletin-card').nth(1).waitFor();
    await cityPage.getByRole('link', { name: '下载第1期第 2 版 Word' }).waitFor();
    expect(await cityPage.getByRole('button', { name: /印发|发布更正/ }).count()).toBe(0);
    await context.close();
  });

  test('a city leader on a phone: the archive as cards (no sideways scroll, 印发人 on one line), their own extract first, downloaded as frozen', async () => {
    const leader = await signIn(session.server, 'demo-city');
    const [name, value] = leader.cookie.split('=') as [string, string];
    const context = await session.browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await context.addCookies([{ name, value, url: session.server.url, httpOnly: true, sameSite: 'Strict' }]);
    const page = await context.newPage();
    await page.goto(`${session.server.url}/bulletins?period=2020-05`);
    const card = page.locator('.bulletin-archive .bulletin-card').first();
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const cardBox = (await card.boundingBox())!;
    expect(cardBox.x + cardBox.width).toBeLessThanOrEqual(390);
    // 印发人 (演示·省人社厅职业能力建设处) reads on one line, not a character a line.
    const issuer = (await card.locator('.bulletin-card-issuer').boundingBox())!;
    const fontSize = await card.locator('.bulletin-card-issuer').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(issuer.height).toBeLessThan(fontSize * 2.2);
    expect(issuer.width).toBeGreaterThan(150);
    // Their own city's extract is offered first and chosen.
    const picker = card.getByLabel(/的市州摘编$/);
    await expect(picker.locator('option').first().textContent()).resolves.toBe('本市（长沙市）');
    await expect(picker.locator('option:checked').textContent()).resolves.toBe('本市（长沙市）');
    const link = card.getByRole('link', { name: /长沙市摘编 PDF$/ });
    const href = (await link.getAttribute('href'))!;
    expect(href).toMatch(/^\/api\/bulletins\/\d+\.pdf\?city=430100$/);
    const response = await fetch(`${session.server.url}${href}`, { headers: { cookie: leader.cookie } });
    expect(response.status).toBe(200);
    const file = Buffer.from(await response.arrayBuffer());
    expect(response.headers.get('etag')).toBe(`"${createHash('sha256').update(file).digest('hex')}"`);
    const path = join(folder, 'extract.pdf');
    writeFileSync(path, file);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('长沙市');
    expect(text).toContain('第1期（更正）');
    await context.close();
  });
});
