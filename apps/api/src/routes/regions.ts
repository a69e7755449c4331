import { ClassListQuerySchema, ClassListSchema, formatPeriod, RegionListSchema, RegionSeriesSchema, SeriesQuerySchema } from '@dispatch/core';
import { getPeriods, getRegionClasses, getRegions, getRegionSeries } from '@dispatch/db';
import { authorize } from '../access.ts';
import { cachedJson } from '../cached-json.ts';
import { httpError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { ERRORS, jsonRoute, RegionCodeParamSchema } from '../schemas.ts';
import { knownRegion, resolvePeriod } from './params.ts';

const listRoute = jsonRoute('get', '/', '地区名录：省、14 个市州、122 个县市区', {
  tag: 'regions', answer: RegionListSchema, description: '按代码排列', errors: [401],
});

const seriesRoute = jsonRoute('get', '/{code}/series', '某地区的逐月指标', {
  tag: 'regions', request: { params: RegionCodeParamSchema, query: SeriesQuerySchema }, answer: RegionSeriesSchema, description: '逐月指标', errors: ERRORS,
});

const classesRoute = jsonRoute('get', '/{code}/classes', '某地区在期间内的培训班（可追溯到仪表盘上的每个数字）', {
  tag: 'regions', request: { params: RegionCodeParamSchema, query: ClassListQuerySchema }, answer: ClassListSchema, description: '一页培训班及全部合计', errors: ERRORS,
});

/** The registry (headline), and one region's detail: its months and the classes behind its numbers. */
export const regionRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    await authorize(c, 'read:headline');
    return c.json({ regions: await getRegions(c.get('db')) }, 200);
  })
  .openapi(seriesRoute, async (c) => {
    const db = c.get('db');
    const { code } = c.req.valid('param');
    const requestedYear = c.req.valid('query').year;
    const region = await knownRegion(db, code, 'code');
    // The province's own trend is the bulletin's "overall progress": headline. A city's or county's is detail.
    await authorize(c, region.level === 'province' ? 'read:headline' : 'read:detail', code);
    return cachedJson(c, `series|${code}|${requestedYear ?? ''}`, async () => {
      const { periods, latest } = await getPeriods(db);
      const year = requestedYear ?? (latest ? Number(latest.slice(0, 4)) : new Date().getFullYear());
      const months = periods.filter((p) => p.startsWith(`${year}-`));
      if (months.length === 0) throw httpError(404, `${year} 年无数据`, 'NO_DATA');
      return { region, year, points: await getRegionSeries(db, region, year, months.length) };
    });
  })
  .openapi(classesRoute, async (c) => {
    const db = c.get('db');
    const { code } = c.req.valid('param');
    const { period: requested, basis, scope, q, page, pageSize } = c.req.valid('query');
    const region = await knownRegion(db, code, 'code');
    await authorize(c, 'read:detail', code);
    const period = await resolvePeriod(db, requested);
    const list = await getRegionClasses(db, { region, period, basis, scope, search: q || undefined, page, pageSize });
    return c.json({ ...list, period: formatPeriod(period), page, pageSize }, 200);
  });
