import { IMPORT_COLUMNS, type Freshness } from '@dispatch/core';
import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { sameOrigin, signIn, useBrowserSession } from './harness.ts';

const session = useBrowserSession('demo-admin');
const url = (path: string) => `${session.server.url}${path}`;

/** An upload over HTTP, as the administrator's browser sends it. */
async function upload(kind: 'classes' | 'targets', bytes: Uint8Array<ArrayBuffer>, name: string): Promise<Response> {
  const { cookie, csrfToken } = await signIn(session.server, 'demo-admin');
  const form = new FormData();
  form.append('file', new Blob([bytes]), name);
  const { origin } = sameOrigin(session.server);
  return fetch(url(`/api/imports?kind=${kind}`), { method: 'POST', headers: { cookie, origin, 'x-csrf-token': csrfToken }, body: form });
}

/** One class of 宁乡市 (430182) opened and finished in January 2021, as a UTF-8 CSV with the template's headers. */
function januaryCsv(): Uint8Array<ArrayBuffer> {
  const row: Record<string, string | number> = {
    classNo: '20214301829100101', regionCode: '430182', institution: '宁乡市职业技术培训学校', occupation: '育婴员', trainingType: '就业技能培训',
    openedOn: '2021-01-05', finishedOn: '2021-01-25', enrolled: 40, completed: 38, subsidised: 30, subsidyStandard: 1100,
  };
  const columns = IMPORT_COLUMNS.classes.filter((c) => c.field in row);
  return new Uint8Array(new TextEncoder().encode(`${columns.map((c) => c.header).join(',')}\r\n${columns.map((c) => row[c.field]).join(',')}\r\n`));
}

/** The targets template with its example rows' 示例 marks (the first column, 序号) cleared: real rows of 2021. */
async function targetsOfTemplate(): Promise<Uint8Array<ArrayBuffer>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(await session.file('/api/imports/templates/targets.xlsx'));
  const sheet = workbook.worksheets[0]!;
  expect(sheet.getCell('A1').value).toBe('序号');
  for (let n = 2; n <= sheet.rowCount; n++) sheet.getCell(n, 1).value = null;
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/**
 * The words the page's completion chart (its last chart: the overview's trend comes first) draws — axis names and
 * notes — from its SVG, once they include `drawn`: the chart is drawn again when the month's freshness answers.
 */
async function chartTexts(page: Page, drawn: string): Promise<string> {
  const texts = () => page.locator('.chart').last().evaluate((chart) => [...chart.querySelectorAll('svg text')].map((t) => t.textContent ?? '').join('|'));
  await expect.poll(texts).toContain(drawn);
  return texts();
}

/** Waits for the month's freshness, so that a mark's absence means something. */
const freshnessAnswered = (page: Page, period: string) => page.waitForResponse((r) => r.url().includes(`/api/freshness?period=${period}`) && r.ok());
const rowOf = (page: Page, code: string) => page.locator(`table.ranking tbody tr[data-code="${code}"]`);

describe('a month not arrived is never read as zero progress', () => {
  beforeAll(async () => {
    // 2021 has months once it has targets (the template's example rows, their marks cleared); then one county's January arrives.
    const template = new Uint8Array(await session.file('/api/imports/templates/targets.xlsx'));
    const refused = await upload('targets', template, '目标任务导入模板.xlsx'); // unchanged, it is refused as the template's examples
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { errors: { message: string }[] }).errors.map((e) => e.message)).toEqual(['第2行是模板的示例行，请删除后再导入', '第3行是模板的示例行，请删除后再导入']);
    expect((await upload('targets', await targetsOfTemplate(), '2021年目标任务.xlsx')).status).toBe(201);
    expect((await upload('classes', januaryCsv(), '宁乡2021年1月.csv')).status).toBe(201);
  });

  test('the county ranking of 2021-01 marks a county that has not reported 未报送, with no rank or ratio; the one imported is ranked', async () => {
    const freshness = await session.api<Freshness>('/api/freshness?period=2021-01');
    expect(freshness.regions.find((r) => r.regionCode === '430182')!.lastArrivedAt).not.toBeNull();
    expect(freshness.regions.find((r) => r.regionCode === '430102')!.lastArrivedAt).toBeNull();
    const page = session.page;
    await Promise.all([freshnessAnswered(page, '2021-01'), page.goto(url('/rankings?period=2021-01&level=county'))]);
    const missing = rowOf(page, '430102');
    await missing.locator('.col-rank .arrival-tag', { hasText: '未报送' }).waitFor();
    expect(await missing.locator('.col-completionRatio').textContent()).toBe('—');
    const imported = rowOf(page, '430182');
    expect(await imported.locator('.arrival-tag').count()).toBe(0);
    expect(await imported.locator('.col-rank').textContent()).toMatch(/^\d+$/);
    expect(await imported.locator('.col-completionRatio').textContent()).toMatch(/%$/);
    // The chart draws the one county that reported, and says the other 121 are left out, not drawn as 0%.
    await page.locator('.chart-note', { hasText: '另有121个未报送，未列入' }).waitFor();
    await expect.poll(async () => (await chartTexts(page, '宁乡')).includes('芙蓉')).toBe(false);
    expect(await chartTexts(page, '宁乡')).not.toContain('前 10 名与后 10 名');
    // The same in one city's county chart: 宁乡 drawn, 长沙's other 8 counties left out.
    await Promise.all([freshnessAnswered(page, '2021-01'), page.goto(url('/rankings?period=2021-01&level=county&city=430100'))]);
    await page.locator('.chart-note', { hasText: '另有8个未报送，未列入' }).waitFor();
    await expect.poll(async () => (await chartTexts(page, '宁乡')).includes('芙蓉')).toBe(false);
    // Real data of 2021: its months carry no demo banner (2020's still do: below).
    expect(await page.locator('.demo-banner').count()).toBe(0);
  });

  test('the overview’s city ranking: 湘潭 (none of its counties) 未报送, 长沙 (one of nine) 部分未报送 with its figures; its city page no rank', async () => {
    const page = session.page;
    await Promise.all([freshnessAnswered(page, '2021-01'), page.goto(url('/?period=2021-01'))]);
    await rowOf(page, '430300').locator('.col-rank .arrival-tag', { hasText: '未报送' }).waitFor();
    const changsha = rowOf(page, '430100');
    expect(await changsha.locator('.col-name .arrival-tag').textContent()).toBe('部分未报送');
    expect(await changsha.locator('.col-name .arrival-tag').getAttribute('title')).toContain('9个县市区中8个未报送');
    expect(await changsha.locator('.col-rank').textContent()).toMatch(/^\d+$/);
    // The city chart: 长沙 (partly arrived) has its bar; the 13 cities none of whose counties reported have none.
    await page.locator('.chart-note', { hasText: '另有13个未报送，未列入' }).waitFor();
    await expect.poll(async () => (await chartTexts(page, '长沙')).includes('湘潭')).toBe(false);

    await Promise.all([freshnessAnswered(page, '2021-01'), page.goto(url('/city/430300?period=2021-01'))]);
    await page.locator('.kpi', { hasText: '全省排名' }).locator('.kpi-value', { hasText: '未报送' }).waitFor();
    await page.locator('table.gaps tbody tr').first().locator('.col-rank .arrival-tag').waitFor();
  });

  test('the demo year, where everything arrived, has no mark', async () => {
    const page = session.page;
    await Promise.all([freshnessAnswered(page, '2020-12'), page.goto(url('/rankings?period=2020-12&level=county'))]);
    await rowOf(page, '430102').waitFor();
    expect(await page.locator('.arrival-tag').count()).toBe(0);
    expect(await page.locator('.chart-note').count()).toBe(0);
    await chartTexts(page, '前 10 名与后 10 名（共 122 个）');
    expect(await page.locator('.demo-banner').textContent()).toContain('演示数据');
  });
});
