import {
  ClassListQuerySchema, ClassListSchema, evaluateAlerts, formatPeriod, RegionAlertsSchema, RegionListSchema, RegionSeriesSchema, SeriesQuerySchema,
  type Region,
} from '@dispatch/core';
import { getPeriods, getRegionClasses, getRegions, getRegionSeries } from '@dispatch/db';
import type { Context } from 'hono';
import { authorize } from '../access.ts';
import { alertContexts, contextsAt } from '../alert-contexts.ts';
import { cachedJson } from '../cached-json.ts';
import { httpError } from '../errors.ts';
import { createRouter, type AppEnv } from '../router.ts';
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

const alertsRoute = jsonRoute('get', '/{code}/alerts', '某市州或县市区逐月的预警', {
  tag: 'regions', request: { params: RegionCodeParamSchema, query: SeriesQuerySchema }, answer: RegionAlertsSchema, description: '每月一组', errors: ERRORS,
});

/** The year's months that have data, or a 404. */
async function monthsOfYear(db: Parameters<typeof getPeriods>[0], requestedYear: number | undefined) {
  const { periods, latest } = await getPeriods(db);
  const year = requestedYear ?? (latest ? Number(latest.slice(0, 4)) : new Date().getFullYear());
  const months = periods.filter((p) => p.startsWith(`${year}-`)).length;
  if (months === 0) throw httpError(404, `${year} 年无数据`, 'NO_DATA');
  return { year, months };
}

/**
 * Its month-by-month series is a city's or county's detail; the province's own trend is headline. Its alerts are
 * headline for every region: they are derived from the monthly rankings' rows, which every post reads, and the
 * month's alert list names them already.
 */
const seriesPermission = (region: Region) => (region.level === 'province' ? 'read:headline' : 'read:detail');
const alertsPermission = () => 'read:headline' as const;

type RegionYearContext = Context<AppEnv, string, { out: { param: { code: string }; query: { year?: number } } }>;

/**
 * A region's year month by month (its series, its alerts): the region must exist, the person may read it
 * (`permission`), and the answer is cached per region and year.
 */
async function regionYear<T>(
  c: RegionYearContext,
  what: string,
  permission: (region: Region) => 'read:headline' | 'read:detail',
  answer: (region: Region, year: number, months: number) => Promise<T>,
) {
  const db = c.get('db');
  const { code } = c.req.valid('param');
  const requestedYear = c.req.valid('query').year;
  const region = await knownRegion(db, code, 'code');
  await authorize(c, permission(region), code);
  return cachedJson(c, `${what}|${code}|${requestedYear ?? ''}`, async () => {
    const { year, months } = await monthsOfYear(db, requestedYear);
    return answer(region, year, months);
  });
}

/** The registry (headline), and one region's detail: its months, its alerts and the classes behind its numbers. */
export const regionRoutes = createRouter()
  .openapi(listRoute, async (c) => {
    await authorize(c, 'read:headline');
    return c.json({ regions: await getRegions(c.get('db')) }, 200);
  })
  .openapi(seriesRoute, (c) =>
    regionYear(c, 'series', seriesPermission, async (region, year, months) => ({ region, year, points: await getRegionSeries(c.get('db'), region, year, months) })),
  )
  .openapi(alertsRoute, (c) =>
    regionYear(c, 'region-alerts', alertsPermission, async (region, year, months) => {
      const contexts = await alertContexts(c, { year, month: months });
      const level = region.level === 'county' ? 'county' : 'city';
      const monthAlerts = (month: number) =>
        region.level === 'province' ? [] : evaluateAlerts(contextsAt(contexts, month)[level]).filter((a) => a.regionCode === region.code);
      return {
        regionCode: region.code,
        year,
        months: Array.from({ length: months }, (_, i) => ({ period: formatPeriod({ year, month: i + 1 }), alerts: monthAlerts(i + 1) })),
      };
    }),
  )
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
