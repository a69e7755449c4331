import { createRoute, z } from '@hono/zod-openapi';
import { getPeriods, getRegions, getRegionSeries } from '@dispatch/db';
import { authorize } from '../access.ts';
import { cachedJson } from '../cached-json.ts';
import { httpError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, MetricRowSchema, RegionCodeSchema, RegionSchema } from '../schemas.ts';
import { knownRegion } from './params.ts';

const listRoute = createRoute({
  method: 'get',
  path: '/regions',
  tags: ['regions'],
  summary: '地区名录：省、14 个市州、122 个县市区',
  responses: {
    200: { content: { 'application/json': { schema: z.object({ regions: z.array(RegionSchema) }) } }, description: '按代码排列' },
  },
});

const SeriesSchema = z
  .object({
    region: RegionSchema,
    year: z.number().int(),
    points: z.array(MetricRowSchema.extend({ period: z.string() })).openapi({ description: '每月一行，年度累计；名次在同级地区之间' }),
  })
  .openapi('RegionSeries');

const seriesRoute = createRoute({
  method: 'get',
  path: '/regions/{code}/series',
  tags: ['regions'],
  summary: '某地区的逐月指标',
  request: {
    params: z.object({ code: RegionCodeSchema.openapi({ param: { name: 'code', in: 'path' }, example: '430100' }) }),
    query: z.object({
      year: z.coerce
        .number({ error: '年份应为四位数字，如 2020' })
        .int('年份应为四位数字，如 2020')
        .min(1990, '年份应在 1990–2100 之间')
        .max(2100, '年份应在 1990–2100 之间')
        .optional()
        .openapi({ description: '缺省为最新年份', example: 2020 }),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: SeriesSchema } }, description: '逐月指标' },
    ...errorResponses,
  },
});

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
  });
