import { describe, expect, test } from 'vitest';
import { useDemoApi } from './testing/test-session.ts';

const api = useDemoApi();
const get = (path: string) => api.get(path);

const CONTRACT_FIELDS = [
  'code', 'name', 'level', 'parentCode', 'target', 'fundsBudget', 'classesOpened', 'classesFinished', 'trainees',
  'subsidised', 'fundsAudited', 'avgSubsidy', 'completionRatio', 'fundsRatio', 'timeProgress', 'lag', 'rank',
  'rankChange', 'month', 'parentName', 'completionChange', 'monthCompletion', 'monthRank', 'catchUpPerMonth',
].sort();

describe('GET /api/metrics', () => {
  test('answers the 14 cities in rank order with exactly the contract fields', async () => {
    const { status, body } = await get('/api/metrics?period=2020-05&level=city');
    expect(status).toBe(200);
    expect(body).toMatchObject({ period: '2020-05', level: 'city', parentCode: null });
    expect(body.rows).toHaveLength(14);
    for (const row of body.rows) {
      expect(Object.keys(row).sort()).toEqual(CONTRACT_FIELDS);
      expect(Object.keys(row.month).sort()).toEqual(['classesFinished', 'classesOpened', 'fundsAudited', 'trainees']);
      // Exact values: the display model rounds them, once, wherever they are shown.
      expect(row.timeProgress).toBe(5 / 12);
      expect(row.completionRatio).toBe(row.trainees / row.target);
      expect(row.lag).toBe(row.trainees / row.target - 5 / 12);
    }
    expect(body.rows.map((r: any) => r.rank)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
  });

  test('the province for 2020-12 carries the calibrated totals, money in yuan and ratios as decimals', async () => {
    const { body } = await get('/api/metrics?period=2020-12&level=province');
    const [province] = body.rows;
    expect(province.code).toBe('430000');
    expect(Math.abs(province.trainees - 1_388_300)).toBeLessThanOrEqual(1_388_300 * 0.005);
    expect(Math.abs(province.fundsAudited - 1_226_000_000)).toBeLessThanOrEqual(1_226_000_000 * 0.005);
    expect(Math.abs(province.avgSubsidy - 1359)).toBeLessThanOrEqual(1359 * 0.01);
    expect(province.completionRatio).toBeGreaterThan(1);
    expect(province.completionRatio).toBeLessThan(2);
  });

  test('defaults to the latest month and the cities', async () => {
    const { body } = await get('/api/metrics');
    expect(body.period).toBe('2020-12');
    expect(body.level).toBe('city');
  });

  test('a city’s counties are ranked among themselves', async () => {
    const { body } = await get('/api/metrics?period=2020-05&level=county&parent=430100');
    expect(body.rows.map((r: any) => r.parentCode)).toEqual(Array(body.rows.length).fill('430100'));
    expect(body.rows.map((r: any) => r.code)).toContain('430182');
    expect(body.rows.map((r: any) => r.rank)).toEqual(body.rows.map((_: unknown, i: number) => i + 1));
  });

  test.each([
    ['/api/metrics?period=2020-13', 'period'],
    ['/api/metrics?period=2020-5', 'period'],
    ['/api/metrics?period=abc', 'period'],
    ['/api/metrics?level=village', 'level'],
    ['/api/metrics?level=county&parent=999999', 'parent'],
    ['/api/metrics?level=county&parent=43', 'parent'],
    ['/api/metrics?level=county&parent=430102', 'parent'],
    ['/api/metrics?level=province&parent=430000', 'parent'],
    ["/api/metrics?level=county&parent=' OR 1=1 --", 'parent'],
    ['/api/regions/999999/series', 'code'],
    ['/api/regions/<script>/series', 'code'],
    ['/api/regions/430100/series?year=abc', 'year'],
    ['/api/regions/430100/series?year=20201', 'year'],
  ])('%s is a 400 that names %s', async (path, field) => {
    const { status, body } = await get(path);
    expect(status).toBe(400);
    expect(body.error.code).toBe('BAD_REQUEST');
    expect(body.error.message).toContain(`参数 ${field}`);
  });

  test('a month without data is a 404 that says which months have data', async () => {
    const { status, body } = await get('/api/metrics?period=2019-05');
    expect(status).toBe(404);
    expect(body.error).toEqual({ code: 'NO_DATA', message: '2019-05 无数据；有数据的月份为 2020-01 至 2020-12' });
  });
});

describe('messages in Chinese, also where a library speaks', () => {
  test('a parameter given twice is named, in Chinese', async () => {
    const { status, body } = await get('/api/metrics?period=2020-05&period=2020-06');
    expect(status).toBe(400);
    expect(body.error.message).toBe('参数 period（月份）：只能出现一次');
  });

  test('a body that is not JSON is said to be so, in Chinese', async () => {
    const response = await api.app.request('/api/users', {
      method: 'POST',
      headers: { ...api.session.write },
      body: 'not json',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({ error: { code: 'BAD_REQUEST', message: '请求体不是有效的 JSON' } });
  });
});

describe('the other endpoints', () => {
  test('GET /api/health', async () => {
    expect(await get('/api/health')).toEqual({ status: 200, body: { status: 'ok' } });
  });

  test('GET /api/regions lists 1 + 14 + 122 regions with parent links', async () => {
    const { body } = await get('/api/regions');
    expect(body.regions).toHaveLength(137);
    expect(body.regions.find((r: any) => r.code === '431121')).toEqual({
      code: '431121', name: '祁阳县', shortName: '祁阳县', level: 'county', parentCode: '431100',
    });
  });

  test('GET /api/periods lists the twelve months of 2020 and says the data is demo data', async () => {
    const { body } = await get('/api/periods');
    expect(body.periods).toHaveLength(12);
    expect(body).toMatchObject({ latest: '2020-12', demo: true });
  });

  test('GET /api/regions/:code/series gives one row per month, agreeing with /api/metrics', async () => {
    const { status, body } = await get('/api/regions/430182/series?year=2020');
    expect(status).toBe(200);
    expect(body.points.map((p: any) => p.period)).toEqual(Array.from({ length: 12 }, (_, i) => `2020-${String(i + 1).padStart(2, '0')}`));
    const may = (await get('/api/metrics?period=2020-05&level=county')).body.rows.find((r: any) => r.code === '430182');
    expect(body.points[4]).toEqual({ period: '2020-05', ...may });
    expect((await get('/api/regions/430100/series?year=2019')).status).toBe(404);
  });

  test('the OpenAPI document describes the endpoints and the docs page is served locally', async () => {
    const { body } = await get('/api/openapi.json');
    expect(Object.keys(body.paths)).toEqual(
      expect.arrayContaining(['/api/health', '/api/regions', '/api/periods', '/api/metrics', '/api/regions/{code}/series']),
    );
    const docs = await api.app.request('/api/docs', { headers: api.session.read });
    expect(await docs.text()).toContain('/api/docs/swagger-ui-bundle.js');
    expect((await api.app.request('/api/docs/swagger-ui-bundle.js', { headers: api.session.read })).status).toBe(200);
  });

  test('an unknown API path is a JSON 404', async () => {
    const { status, body } = await get('/api/nothing-here');
    expect(status).toBe(404);
    expect(body.error.code).toBe('NOT_FOUND');
  });
});
