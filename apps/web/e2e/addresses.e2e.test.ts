import { expect, test } from 'vitest';
import { useBrowserSession } from './harness.ts';

const session = useBrowserSession();
const open = async (path: string) => {
  await session.page.goto(`${session.server.url}${path}`);
};

test.each(['/region/999999', '/city/999999', '/region/abc'])('%s is one clear page with the ways back, not errors to retry', async (path) => {
  await open(path);
  await session.page.locator('h1', { hasText: '没有这个地区' }).waitFor();
  expect(await session.page.getByRole('link', { name: '返回总览' }).count()).toBe(1);
  expect(await session.page.getByRole('button', { name: '重试' }).count()).toBe(0);
  expect(await session.page.getByRole('alert').count()).toBe(0);
});

test.each([
  ['/city/430182?period=2020-05', '/region/430182?period=2020-05'], // a county under the city view opens its detail
  ['/region/430000?period=2020-05', '/?period=2020-05'], // the province is the overview
  ['/city/430000', '/?period=2020-12'],
])('%s opens the right view: %s', async (path, expected) => {
  await open(path);
  await session.page.waitForURL(`${session.server.url}${expected}`);
});

test('a county’s page reads its people in 万人次, like the city view, and says how far it is from the time line', async () => {
  await open('/region/430182?period=2020-05');
  await session.page.locator('.kpi').nth(2).waitFor();
  expect(await session.page.locator('.kpi').nth(2).locator('.kpi-value small').textContent()).toBe('万人次');
  expect(await session.page.locator('.kpi').nth(1).locator('.kpi-detail').textContent()).toMatch(/(落后|超)时序进度 [\d.]+ 个百分点|与时序进度持平/);
});

test('the class list’s filters live in the address: a shared link opens the same list', async () => {
  await open('/region/430182?period=2020-05&basis=opened&scope=month&q=%E7%84%8A%E5%B7%A5');
  await session.page.locator('text=/共 .* 个班|没有与“焊工”相符的培训班/').waitFor();
  expect(await session.page.getByLabel('口径').inputValue()).toBe('opened');
  expect(await session.page.getByLabel('范围').inputValue()).toBe('month');
  expect(await session.page.getByLabel('搜索机构、工种或班级编号').inputValue()).toBe('焊工');
  await session.page.getByLabel('范围').selectOption('ytd');
  await session.page.waitForURL((url) => !url.searchParams.has('scope') && url.searchParams.get('q') === '焊工');
  await session.page.getByLabel('搜索机构、工种或班级编号').fill('电工');
  await session.page.waitForURL((url) => url.searchParams.get('q') === '电工');
  await session.page.getByLabel('搜索机构、工种或班级编号').fill('');
  await session.page.waitForURL((url) => !url.searchParams.has('q'));
  await session.page.getByRole('button', { name: '下一页' }).click();
  await session.page.waitForURL((url) => url.searchParams.get('page') === '2');
  await session.page.reload();
  await session.page.getByText(/第 2 \/ \d+ 页/).waitFor();
  expect(await session.page.getByLabel('口径').inputValue()).toBe('opened');
});

test('a part of the app that cannot be loaded (a tab left open across an upgrade) says so instead of a blank page', async () => {
  const page = await session.newPage({ viewport: { width: 1366, height: 768 } });
  await page.route('**/assets/CountyMap-*.js', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto(`${session.server.url}/rankings?period=2020-05`);
  await page.locator('table.ranking tbody tr').first().waitFor();
  await page.getByRole('link', { name: '地图' }).click();
  // The app loads the new version once; when the part is still missing, the screen says what happened.
  await page.getByRole('alert').filter({ hasText: '这部分页面未能显示' }).waitFor();
  expect(await page.getByRole('button', { name: '刷新页面' }).count()).toBe(1);
  expect(await page.locator('.top-bar').count()).toBe(1);
  await page.close();
});
