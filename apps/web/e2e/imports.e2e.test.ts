import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { IMPORT_COLUMNS, IMPORT_EXAMPLES, type Freshness, type ImportKind, type ImportRecord, type ImportReport } from '@dispatch/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { countsText, missingBanner } from '../src/import-report.ts';
import { sameOrigin, signIn, useBrowserSession } from './harness.ts';

const session = useBrowserSession('demo-admin');
const dir = mkdtempSync(join(tmpdir(), 'dispatch-imports-e2e-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const url = (path: string) => `${session.server.url}${path}`;
const fileInput = (page: Page) => page.locator('input[type="file"]');

/** Waits for the month's freshness to have been answered, so that a banner's absence means something. */
const freshnessAnswered = (page: Page, period: string) => page.waitForResponse((r) => r.url().includes(`/api/freshness?period=${period}`) && r.ok());

/** Two classes opened in January 2021 — a month the demo has no data for — in 宁乡市 and 芙蓉区. */
const JANUARY_CLASSES = [
  { classNo: '20214301829100001', regionCode: '430182', institution: '宁乡市职业技术培训学校', occupation: '育婴员', trainingType: '就业技能培训', openedOn: '2021-01-05', finishedOn: '2021-01-25', enrolled: 40, completed: 38, subsidised: 30, subsidyStandard: 1100 },
  { classNo: '20214301029100002', regionCode: '430102', institution: '湖南某某电子商务有限公司', occupation: '电子商务师', trainingType: '以工代训', openedOn: '2021-01-11', enrolled: 60, subsidyStandard: 1500 },
];

/** The downloaded template with its example rows replaced by `rows`, saved as a file to choose. */
async function fillTemplate(templatePath: string, kind: ImportKind, rows: readonly Record<string, string | number | undefined>[], name: string): Promise<string> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(templatePath);
  const sheet = workbook.worksheets[0]!;
  const headers = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const fields = headers.map((h) => IMPORT_COLUMNS[kind].find((c) => c.header === h)?.field);
  // The example rows are overwritten by the test's rows, and any left over emptied (as a person would clear them).
  const last = Math.max(sheet.rowCount, rows.length + 1);
  for (let n = 2; n <= last; n += 1) {
    const row = rows[n - 2];
    fields.forEach((f, i) => { sheet.getRow(n).getCell(i + 1).value = row && f ? (row[f] ?? null) : null; });
  }
  const path = join(dir, name);
  await workbook.xlsx.writeFile(path);
  return path;
}

/** An upload over HTTP, as another browser of the same account would send it (for the data a test stands on). */
async function uploadOverHttp(kind: ImportKind, bytes: Buffer, name: string): Promise<Response> {
  const { cookie, csrfToken } = await signIn(session.server, 'demo-admin');
  const form = new FormData();
  form.append('file', new Blob([new Uint8Array(bytes)]), name);
  const { origin } = sameOrigin(session.server);
  return fetch(url(`/api/imports?kind=${kind}`), { method: 'POST', headers: { cookie, origin, 'x-csrf-token': csrfToken }, body: form });
}

async function templateBytes(kind: ImportKind): Promise<Buffer> {
  return Buffer.from(await session.file(`/api/imports/templates/${kind}.xlsx`));
}

/** The template as a file on disk, to fill. */
async function templateFile(kind: ImportKind): Promise<string> {
  const path = join(dir, `${kind}-template.xlsx`);
  writeFileSync(path, await templateBytes(kind));
  return path;
}

describe('freshness where data is read', () => {
  test('in the demo every month has arrived: no banner on the overview or a city page, and /imports says all arrived', async () => {
    const page = session.page;
    await Promise.all([freshnessAnswered(page, '2020-05'), page.goto(url('/?period=2020-05'))]);
    await page.locator('.kpi').first().waitFor();
    expect(await page.locator('.missing-data').count()).toBe(0);
    await Promise.all([freshnessAnswered(page, '2020-05'), page.goto(url('/city/430100?period=2020-05'))]);
    await page.locator('.kpi').first().waitFor();
    expect(await page.locator('.missing-data').count()).toBe(0);
    await page.goto(url('/imports?period=2020-05'));
    await page.getByText('各县市区本月数据均已报送。').waitFor();
    expect(await page.locator('table.freshness tbody tr').count()).toBe(14);
  });
});

describe('an import from the screen', () => {
  test('template downloaded and filled, previewed with its counts, confirmed, in the history; the month’s missing counties shown; reverted', async () => {
    // 2021 becomes a year with months once it has targets: the template's example rows, their 示例 marks cleared.
    const targets = await fillTemplate(await templateFile('targets'), 'targets', IMPORT_EXAMPLES.targets, '2021年目标任务.xlsx');
    expect((await uploadOverHttp('targets', readFileSync(targets), '2021年目标任务.xlsx')).status).toBe(201);

    const page = session.page;
    await page.goto(url('/imports?kind=classes'));
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '下载「培训班」导入模板' }).click()]);
    const path = await fillTemplate((await download.path())!, 'classes', JANUARY_CLASSES, '2021年1月培训班.xlsx');

    const [dryRun] = await Promise.all([
      page.waitForResponse((r) => r.url().includes('/api/imports?kind=classes&dryRun=1')),
      fileInput(page).setInputFiles(path),
    ]);
    const report = (await dryRun.json()) as ImportReport;
    expect(report).toMatchObject({ ok: true, rows: 2 });
    await page.getByText('「2021年1月培训班.xlsx」试导入：共 2 行数据，未发现问题。').waitFor();
    await page.locator('.header-map li', { hasText: '开班日期' }).first().waitFor();
    expect(await page.locator('.preview-rows tbody tr').count()).toBe(2);
    await page.locator('.preview-rows', { hasText: '20214301829100001' }).waitFor();
    const confirm = page.locator('.confirm');
    expect(await confirm.textContent()).toContain(countsText(report.changes!));
    expect(report.changes!.inserted).toBeGreaterThanOrEqual(2);

    await page.getByRole('button', { name: '确认导入' }).click();
    await page.locator('.import-done').waitFor();
    const applied = (await session.api<{ imports: ImportRecord[] }>('/api/imports')).imports.find((r) => r.fileName === '2021年1月培训班.xlsx' && r.status === 'applied')!;
    expect(await page.locator('.import-done').textContent()).toContain(countsText(applied));
    const row = page.locator('.import-history tbody tr', { hasText: '2021年1月培训班.xlsx' }).filter({ hasText: '已导入' });
    await row.waitFor();
    expect(await row.textContent()).toContain(applied.sha256.slice(0, 12));
    // Each upload by its number, as the revert's messages name it; the file's name on one line at 1366 px, the status narrow.
    expect(await row.locator('.import-no').textContent()).toBe(`第${applied.id}号`);
    const fileCell = (await row.locator('td.file-name').boundingBox())!;
    const statusCell = (await row.locator('td.import-status').boundingBox())!;
    expect(fileCell.height).toBeLessThan(40);
    expect(statusCell.width).toBeLessThan(fileCell.width);

    // January 2021 has two counties' data: the overview counts the rest, Changsha names its own.
    const freshness = await session.api<Freshness>('/api/freshness?period=2021-01');
    expect(freshness.missing).toBeGreaterThan(100);
    await page.goto(url('/?period=2021-01'));
    await page.locator('.missing-data').getByText(missingBanner(freshness.missing)!).waitFor();
    await page.goto(url('/city/430100?period=2021-01'));
    const cityBanner = await page.locator('.missing-data').textContent();
    expect(cityBanner).toContain('长沙县');
    expect(cityBanner).not.toContain('芙蓉区');

    // A second screen opened before the revert still offers it: its refusal (409) is shown in the server's words.
    const stale = await session.newPage({ viewport: { width: 1366, height: 768 } });
    await stale.goto(url('/imports?period=2021-01'));
    await stale.locator('.import-history tbody tr', { hasText: '2021年1月培训班.xlsx' }).getByRole('button', { name: /^撤销/ }).waitFor();

    await page.goto(url('/imports?period=2021-01'));
    const again = page.locator('.import-history tbody tr', { hasText: '2021年1月培训班.xlsx' }).filter({ hasText: '已导入' });
    await again.getByRole('button', { name: /^撤销/ }).click();
    const dialog = page.getByRole('dialog');
    expect(await dialog.textContent()).toContain(`撤销「2021年1月培训班.xlsx」的导入？将删除其新增的 ${applied.inserted} 条`);
    await dialog.getByRole('button', { name: '确认撤销' }).click();
    await page.locator('.import-history tbody tr', { hasText: '2021年1月培训班.xlsx' }).filter({ hasText: '已撤销' }).waitFor();
    // the revert is said where it was done
    expect(await page.locator('.import-reverted').textContent()).toBe(`已撤销第${applied.id}号导入「2021年1月培训班.xlsx」：导入前的数据已恢复，各页面的数据已更新。`);
    const reverted = (await session.api<{ imports: ImportRecord[] }>('/api/imports')).imports.find((r) => r.id === applied.id)!;
    expect(reverted.status).toBe('reverted');

    await stale.locator('.import-history tbody tr', { hasText: '2021年1月培训班.xlsx' }).getByRole('button', { name: /^撤销/ }).click();
    const [refused] = await Promise.all([
      stale.waitForResponse((r) => r.url().endsWith(`/api/imports/${applied.id}/revert`)),
      stale.getByRole('dialog').getByRole('button', { name: '确认撤销' }).click(),
    ]);
    expect(refused.status()).toBe(409);
    const { error } = (await refused.json()) as { error: { message: string } };
    await stale.getByRole('dialog').getByRole('alert').getByText(`无法撤销：${error.message}`).waitFor();
    await stale.context().close();
  });

  test('the upload’s progress shows while a larger file is sent on a slow line', async () => {
    const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(url('/imports?kind=classes'));
    await page.getByRole('button', { name: '选择文件' }).waitFor();
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Network.enable');
    // 1.5 MB at 512 KB/s: about three seconds of upload.
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 20, downloadThroughput: 4 * 1024 * 1024, uploadThroughput: 512 * 1024 });
    const csv = `培训班编号,县市区代码\n${'20214301829100001,430182\n'.repeat(60_000)}`;
    await fileInput(page).setInputFiles({ name: '大文件.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    const bar = page.locator('.upload-progress progress');
    await page.locator('.upload-progress', { hasText: /正在上传「大文件.csv」… [1-9]\d?%/ }).waitFor({ timeout: 20_000 });
    const value = Number(await bar.getAttribute('value'));
    expect(value).toBeGreaterThan(0);
    expect(value).toBeLessThan(1);
    await page.locator('.import-report, .import-upload [role="alert"]').first().waitFor({ timeout: 30_000 });
    await page.context().close();
  });

  test('a file with problems: rows and columns in Chinese, the marked workbook to download, nothing to confirm', async () => {
    const page = session.page;
    await page.goto(url('/imports?kind=classes'));
    const bad = { ...IMPORT_EXAMPLES.classes[0], classNo: '20204301829100009', openedOn: '2020-05-26', finishedOn: '2020-05-06' };
    const path = await fillTemplate(await templateFile('classes'), 'classes', [bad], '有错误的培训班.xlsx');
    await fileInput(page).setInputFiles(path);
    const problems = page.locator('.import-problems');
    await problems.waitFor();
    expect(await problems.locator('tbody tr').first().locator('td').allTextContents()).toEqual(expect.arrayContaining(['第2行', '结业日期']));
    expect(await problems.getByRole('link', { name: '下载标注问题的工作簿' }).getAttribute('href')).toMatch(/^\/api\/imports\/\d+\/report\.xlsx$/);
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(0);
  });

  test('a file of another type or over 20 MB is refused in the browser, before anything is sent', async () => {
    const page = session.page;
    await page.goto(url('/imports'));
    const sent: string[] = [];
    page.on('request', (r) => { if (r.method() === 'POST') sent.push(r.url()); });
    // 选择文件 by keyboard: Tab reaches it, Enter opens the browser's file chooser.
    // (The chooser is awaited before the focus moves: intercepting it takes a round trip that Enter alone would beat.)
    const choosing = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: '选择文件' }).focus();
    await page.keyboard.press('Enter');
    const chooser = await choosing;
    await chooser.setFiles({ name: '五月.xls', mimeType: 'application/vnd.ms-excel', buffer: Buffer.from('x') });
    await page.getByRole('alert').getByText('「五月.xls」不是 .xlsx 或 .csv 文件').waitFor();
    // Dropped on the zone: the same check.
    await page.locator('.drop-zone').evaluate((zone) => {
      const data = new DataTransfer();
      data.items.add(new File(['x'], '说明.docx'));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await page.getByRole('alert').getByText('「说明.docx」不是 .xlsx 或 .csv 文件').waitFor();
    await fileInput(page).setInputFiles({ name: '全年.csv', mimeType: 'text/csv', buffer: Buffer.alloc(20 * 1024 * 1024 + 1, 0x41) });
    await page.getByRole('alert').getByText('超过 20 MB 的上限').waitFor();
    expect(sent).toEqual([]);
  });

  test('classes of a year without targets: the dry run accepts them and says what to import first for its months to show', async () => {
    const page = session.page;
    await page.goto(url('/imports?kind=classes'));
    const row = { ...JANUARY_CLASSES[0]!, classNo: '20234301829100001', openedOn: '2023-01-05', finishedOn: '2023-01-25' };
    const path = await fillTemplate(await templateFile('classes'), 'classes', [row], '2023年1月培训班.xlsx');
    await fileInput(page).setInputFiles(path);
    const warning = page.locator('.import-warnings', { hasText: '2023年尚无目标任务' });
    await warning.waitFor();
    expect(await warning.textContent()).toContain('须导入2023年的目标任务后');
    expect(await page.getByRole('button', { name: '确认导入' }).count()).toBe(1); // a warning, not a refusal
  });
});

describe('the month’s close', () => {
  test('关账 after a confirmation: the month reads 已关账 with who, an import for it is refused in the API’s words; an administrator reopens it', async () => {
    const page = session.page;
    await page.goto(url('/imports?period=2020-12&kind=targets'));
    await page.locator('.month-close .tag-open').waitFor();
    // A month is closed, not the year so far: 「2020年12月」, not 「2020年1—12月」.
    expect(await page.locator('#freshness-title').textContent()).toBe('2020年12月 报送情况');
    await page.getByRole('button', { name: '关账…' }).click();
    await page.getByRole('button', { name: '确认关账' }).click();
    await page.locator('.month-close .tag-closed').waitFor();
    const closed = await session.api<Freshness>('/api/freshness?period=2020-12');
    expect(closed).toMatchObject({ closed: true });
    expect(await page.locator('.month-close').textContent()).toContain(`${closed.closedBy} 于`);

    const december = { ...IMPORT_EXAMPLES.classes[0], classNo: '20204301829100012', openedOn: '2020-12-02', finishedOn: '2020-12-20' };
    const path = await fillTemplate(await templateFile('classes'), 'classes', [december], '12月培训班.xlsx');
    await page.goto(url('/imports?period=2020-12&kind=classes'));
    await fileInput(page).setInputFiles(path);
    // Refused at the dry run or on applying, in the server's own words naming the closed month.
    const refusal = page.locator('.import-upload :is([role="alert"], .import-problems td)', { hasText: /关账/ });
    const confirmButton = page.getByRole('button', { name: '确认导入' });
    await Promise.race([refusal.first().waitFor(), confirmButton.waitFor()]);
    if (await confirmButton.count()) await confirmButton.click();
    await refusal.first().waitFor();

    await page.getByRole('button', { name: '重新开账…' }).click();
    await page.getByRole('button', { name: '确认重新开账' }).click();
    await page.locator('.month-close .tag-open').waitFor();
  });
});

describe('who sees it, and on a phone', () => {
  test.each([['demo-city', true], ['demo-official', true], ['demo-county', false], ['demo-viewer', false]])('%s sees 数据导入 in the top bar: %s', async (login, shown) => {
    const { cookie } = await signIn(session.server, login);
    const [name, value] = cookie.split('=') as [string, string];
    const context = await session.browser.newContext({ viewport: { width: 1366, height: 768 } });
    await context.addCookies([{ name, value, url: session.server.url }]);
    const page = await context.newPage();
    await page.goto(url('/rankings'));
    // The top bar knows what each post may do once the region registry is in (its home link names the region).
    await page.locator('table.ranking').first().waitFor();
    await page.locator('.top-bar nav a', { hasText: shown ? '数据导入' : '·' }).first().waitFor();
    expect(await page.locator('.top-bar nav a', { hasText: '数据导入' }).count()).toBe(shown ? 1 : 0);
    await context.close();
  });

  test('a 390 px phone: the history and the freshness as cards, no sideways scroll', async () => {
    const page = await session.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await page.goto(url('/imports?period=2020-12'));
    await page.locator('.import-history tbody tr').first().waitFor();
    await page.locator('.freshness-all summary').click();
    await page.locator('table.freshness tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const card = (await page.locator('.import-history tbody tr').first().boundingBox())!;
    expect(card.x + card.width).toBeLessThanOrEqual(390);
    expect(await page.locator('.import-history thead').isVisible()).toBe(false);
    expect(await page.locator('.import-history tbody tr').first().locator('.import-no').textContent()).toMatch(/^第\d+号$/);
    await page.context().close();
  });
});
