import { expect, test } from 'vitest';
import { useDemoApi } from '../testing/test-session.ts';

const api = useDemoApi();
const get = (path: string) => api.get(path);

test('a county’s finished classes add up to its trainees on the dashboard', async () => {
  const { body } = await get('/api/regions/430182/classes?period=2020-05');
  const metrics = await get('/api/metrics?period=2020-05&level=county&parent=430100');
  const county = metrics.body.rows.find((r: any) => r.code === '430182');
  expect(body.total).toBe(county.classesFinished);
  expect(body.totals.completed).toBe(county.trainees);
  expect(body.rows).toHaveLength(20);
  expect(body.rows[0]).toMatchObject({ regionCode: '430182', regionName: '宁乡市' });
});

test('paging and search', async () => {
  const { body } = await get('/api/regions/430100/classes?period=2020-12&q=焊工&page=2&pageSize=5');
  expect(body).toMatchObject({ page: 2, pageSize: 5 });
  expect(body.rows.every((r: any) => r.occupation === '焊工')).toBe(true);
});

test.each([
  ['/api/regions/430182/classes?basis=paid', 'basis'],
  ['/api/regions/430182/classes?page=0', 'page'],
  ['/api/regions/430182/classes?pageSize=1000', 'pageSize'],
  ['/api/regions/430182/classes?scope=week', 'scope'],
  ['/api/regions/999999/classes', 'code'],
  [`/api/regions/430182/classes?q=${'长'.repeat(51)}`, 'q'],
])('%s is a 400 naming %s', async (path, field) => {
  const { status, body } = await get(path);
  expect(status).toBe(400);
  expect(body.error.message).toContain(`参数 ${field}`);
});

test('a search with script tags comes back as data, not markup', async () => {
  const { status, body } = await get(`/api/regions/430182/classes?q=${encodeURIComponent('<script>alert(1)</script>')}`);
  expect(status).toBe(200);
  expect(body.total).toBe(0);
});
