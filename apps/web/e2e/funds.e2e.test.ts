import { formatMoney, formatPercent, formatWan, type FundRow, type Funds, type Metrics, type RoundList } from '@dispatch/core';
import type { Page } from 'playwright-core';
import { printedDemoPasswords } from '@dispatch/api/testing';
import { expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession('demo-official');
const PERIOD = '2020-09';

/** A region's cells in the /funds table of all counties: 所属市州, 预算, 已审核, 结余, 预计需求, 缺口, 资金执行率. */
async function fundsCells(page: Page, name: string, city: string) {
  await page.goto(`${session.server.url}/funds?period=${PERIOD}&level=county`);
  const row = page.locator('table.funds-table tbody tr').filter({ has: page.locator('th', { hasText: name }) }).filter({ has: page.locator('td', { hasText: city }) });
  await row.first().waitFor();
  return row.first().locator('td').allTextContents();
}

async function rankingRatio(page: Page, name: string, cityCode: string) {
  await page.goto(`${session.server.url}/rankings?period=${PERIOD}&level=county&city=${cityCode}`);
  const cell = page.locator('table.ranking tbody tr').filter({ has: page.locator('th', { hasText: name }) }).locator('td.col-fundsRatio');
  await cell.waitFor();
  return cell.textContent();
}

test('a small round recorded on /funds changes the budgets on /funds and /rankings; revoked, the numbers are back', async () => {
  const page = session.page;
  await page.goto(`${session.server.url}/funds?period=${PERIOD}&level=county`);
  await page.getByLabel('调剂总额（万元）').fill('20');
  await page.getByRole('button', { name: '生成建议' }).click();
  const lines = page.locator('table.draft-lines tbody tr');
  await lines.first().waitFor();
  // Keep the first receiver and the first donor; change both to 15万元; drop the rest.
  const names = await lines.locator('th').allTextContents();
  const amounts = await lines.locator('input').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  const receiver = amounts.findIndex((a) => Number(a) > 0);
  const donor = amounts.findIndex((a) => Number(a) < 0);
  expect(receiver).toBeGreaterThanOrEqual(0);
  expect(donor).toBeGreaterThanOrEqual(0);
  const all = (await session.api<Funds>(`/api/funds?period=${PERIOD}&level=county`)).rows;
  const byLabel = (label: string) => all.find((r) => label === `${r.regionName}${r.parentName}`)!;
  const [to, from] = [byLabel(names[receiver]!), byLabel(names[donor]!)];
  for (let i = names.length - 1; i >= 0; i--) if (i !== receiver && i !== donor) await lines.nth(i).getByRole('button', { name: '移除' }).click();
  await page.getByLabel(`${to.regionName}调剂金额（万元）`).fill('15');
  await page.getByLabel(`${from.regionName}调剂金额（万元）`).fill('-15');
  await page.getByRole('status').filter({ hasText: '调入合计 15万元，调出合计 15万元，收支平衡' }).waitFor();

  const before = {
    metrics: await session.api<Metrics>(`/api/metrics?period=${PERIOD}&level=county`),
    funds: await session.api<Funds>(`/api/funds?period=${PERIOD}&level=county`),
  };
  await page.getByLabel('调剂日期').fill('2020-09-10');
  await page.getByLabel('文号').fill('湘人社函〔2020〕95号');
  await page.getByRole('button', { name: '登记调剂…' }).click();
  await page.getByRole('alertdialog', { name: '确认登记' }).getByText('自 2020年9月10日 所在月份起计入预算').waitFor();
  await page.getByRole('button', { name: '确认登记' }).click();
  await page.getByRole('status').filter({ hasText: '已登记第 3 轮（湘人社函〔2020〕95号）' }).waitFor();

  // /funds: the receiver's budget up 15万, the donor's down 15万; /rankings: the receiver's funds ratio on the new budget.
  expect((await fundsCells(page, to.regionName, to.parentName!))[1]).toBe(formatWan(to.budget + 150_000));
  expect((await fundsCells(page, from.regionName, from.parentName!))[1]).toBe(formatWan(from.budget - 150_000));
  expect(await rankingRatio(page, to.regionName, to.parentCode!)).toBe(formatPercent(to.audited / (to.budget + 150_000)));
  const { rounds } = await session.api<RoundList>('/api/reallocations');
  expect(rounds[0]!.lines.map((l) => [l.regionCode, l.amount])).toEqual([[to.regionCode, 150_000], [from.regionCode, -150_000]]);

  // Revoke it from the rounds list, with a reason and a confirmation.
  await page.goto(`${session.server.url}/funds?period=${PERIOD}&level=county`);
  const round = page.locator('.rounds > li').filter({ hasText: '湘人社函〔2020〕95号' });
  await round.locator('summary').click();
  await round.getByRole('button', { name: /^撤销第 \d+ 轮…$/ }).click();
  await round.getByLabel('撤销原因').fill('演练后撤销');
  await round.getByRole('button', { name: '确认撤销' }).click();
  await round.locator('.tag-revoked', { hasText: '已撤销' }).waitFor();

  expect((await fundsCells(page, to.regionName, to.parentName!)).slice(0, 2)).toEqual([to.parentName, formatWan(to.budget)]);
  expect((await fundsCells(page, from.regionName, from.parentName!)).slice(0, 2)).toEqual([from.parentName, formatWan(from.budget)]);
  expect(await rankingRatio(page, to.regionName, to.parentCode!)).toBe(formatPercent(to.audited / to.budget));
  expect(await session.api<Metrics>(`/api/metrics?period=${PERIOD}&level=county`)).toEqual(before.metrics);
  expect(await session.api<Funds>(`/api/funds?period=${PERIOD}&level=county`)).toEqual(before.funds);
});

/** What has the keyboard's focus: its accessible label, or its text. */
const focused = (page: Page) => page.evaluate(() => {
  const active = document.activeElement;
  return active?.getAttribute('aria-label') ?? active?.textContent?.trim() ?? null;
});

test('by keyboard: 移除 moves focus to the next line (then the previous, then 生成建议); Esc closes the confirmation and the revoke form, focus back on their buttons', async () => {
  const page = session.page;
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.goto(`${session.server.url}/funds?period=${PERIOD}&level=county`);
  await page.getByLabel('调剂总额（万元）').fill('300');
  await page.getByRole('button', { name: '生成建议' }).press('Enter');
  const lines = page.locator('table.draft-lines tbody tr');
  await lines.first().waitFor();
  const names = (await lines.locator('input').evaluateAll((inputs) => inputs.map((i) => i.getAttribute('aria-label')!))).map((label) => label.replace('调剂金额（万元）', ''));
  expect(names.length).toBeGreaterThanOrEqual(3);
  const remove = async (name: string) => {
    await page.getByRole('button', { name: `移除${name}` }).focus();
    await page.keyboard.press('Enter');
  };
  // The first line: focus on the second's amount. The last: on the one before it.
  await remove(names[0]!);
  expect(await focused(page)).toBe(`${names[1]}调剂金额（万元）`);
  await remove(names.at(-1)!);
  expect(await focused(page)).toBe(`${names.at(-2)}调剂金额（万元）`);
  for (const name of names.slice(1, -1)) await remove(name);
  expect(await lines.count()).toBe(0);
  expect(await focused(page)).toBe('生成建议');

  // 登记调剂…: the confirmation takes focus on 确认登记; Esc closes it and gives focus back to 登记调剂….
  await page.keyboard.press('Enter');
  await lines.first().waitFor();
  await page.getByLabel('文号').fill('湘人社函〔2020〕96号');
  await page.getByRole('button', { name: '登记调剂…' }).press('Enter');
  await page.getByRole('alertdialog', { name: '确认登记' }).waitFor();
  expect(await focused(page)).toBe('确认登记');
  await page.keyboard.press('Escape');
  expect(await page.getByRole('alertdialog', { name: '确认登记' }).count()).toBe(0);
  expect(await focused(page)).toBe('登记调剂…');
  const { rounds } = await session.api<RoundList>('/api/reallocations');
  expect(rounds.some((r) => r.documentNumber === '湘人社函〔2020〕96号')).toBe(false);

  // 撤销第 1 轮…: the reason takes focus; Esc closes the form and gives focus back to its button.
  const round = page.locator('.rounds > li').last();
  await round.locator('summary').click();
  await round.getByRole('button', { name: /^撤销第 \d+ 轮…$/ }).press('Enter');
  expect(await page.evaluate(() => document.activeElement?.closest('label')?.textContent?.trim())).toBe('撤销原因');
  await page.keyboard.type('不撤销');
  await page.keyboard.press('Escape');
  expect(await round.getByLabel('撤销原因').count()).toBe(0);
  expect(await focused(page)).toBe('撤销第 1 轮…');
  expect((await session.api<RoundList>('/api/reallocations')).rounds.find((r) => r.round === 1)!.revokedAt).toBeNull();
});

test('revoking a round whose money has been spent since: revoked all the same, and the region left overspent is named under the round', async () => {
  const page = session.page;
  await page.goto(`${session.server.url}/funds?period=2020-12&level=county`);
  const post = (path: string, body: unknown) => page.evaluate(async ([path, body]) => {
    const { csrfToken } = (await (await fetch('/api/auth/me')).json()) as { csrfToken: string };
    const response = await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body: JSON.stringify(body) });
    return response.status;
  }, [path, body] as const);
  // 岳麓区 receives 50万 in January (文号 98), then gives 50万 back (文号 99): its budget as before, A's money as good as spent.
  expect(await post('/api/reallocations', { date: '2020-01-20', documentNumber: '湘人社函〔2020〕98号', lines: [{ regionCode: '430104', amount: 500_000 }] })).toBe(201);
  expect(await post('/api/reallocations', { date: '2020-01-21', documentNumber: '湘人社函〔2020〕99号', lines: [{ regionCode: '430104', amount: -500_000 }] })).toBe(201);
  const december = (await session.api<Funds>('/api/funds?period=2020-12&level=county&parent=430100')).rows.find((r) => r.regionCode === '430104')!;
  expect(december.unspent).toBeLessThan(500_000); // December's 结余 is the year's lowest (the API's tests check it)
  await page.reload();
  const round = page.locator('.rounds > li').filter({ hasText: '湘人社函〔2020〕98号' });
  await round.locator('summary').click();
  await round.getByRole('button', { name: /^撤销第 \d+ 轮…$/ }).click();
  await round.getByLabel('撤销原因').fill('文件作废');
  await round.getByRole('button', { name: '确认撤销' }).click();
  await round.locator('.tag-revoked', { hasText: '已撤销' }).waitFor();
  expect(await round.getByRole('alert').textContent()).toContain(`撤销后岳麓区2020年1—12月结余为 ${formatMoney(december.unspent - 500_000)}（超支）`);
});

test('a read-only post sees the table and the rounds, without the suggestion tool or 撤销', async () => {
  const page = await session.newPage({ viewport: { width: 390, height: 844 } });
  // A page of its own, signed in afresh as the read-only demo account.
  await page.context().clearCookies();
  await page.goto(`${session.server.url}/login`);
  await page.locator('input').first().fill('demo-viewer');
  await page.locator('input[type="password"]').fill(printedDemoPasswords(session.server.output).get('demo-viewer')!);
  await page.locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith('/login'));
  await page.goto(`${session.server.url}/funds?period=${PERIOD}&level=county`);
  await page.locator('table.funds-table tbody tr').first().waitFor();
  await page.locator('.rounds > li').first().waitFor();
  expect(await page.getByRole('button', { name: '生成建议' }).count()).toBe(0);
  await page.locator('.rounds summary').first().click();
  expect(await page.getByRole('button', { name: /^撤销第 \d+ 轮…$/ }).count()).toBe(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  const rows: FundRow[] = (await session.api<Funds>(`/api/funds?period=${PERIOD}&level=county`)).rows;
  expect(await page.locator('table.funds-table tbody tr.gap-row').count()).toBe(rows.filter((r) => r.gap > 0).length);
});
