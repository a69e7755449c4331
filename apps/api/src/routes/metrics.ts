import { createRoute, z } from '@hono/zod-openapi';
import { formatPeriod, parsePeriod, type Region, type RegionLevel } from '@dispatch/core';
import { getMetricRows, getPeriods, getRegion, type Db } from '@dispatch/db';
import { httpError } from '../errors.ts';
import { createRouter } from '../router.ts';
import { errorResponses, LevelSchema, MetricRowSchema, PeriodSchema, RegionCodeSchema } from '../schemas.ts';

const QuerySchema = z.object({
  period: PeriodSchema.optional().openapi({ description: '缺省为最新月份' }),
  level: LevelSchema.default('city'),
  parent: RegionCodeSchema.optional().openapi({ description: '上级地区代码：某市州的县市区，或省的市州', example: '430100' }),
});

const MetricsSchema = z
  .object({
    period: z.string(),
    level: LevelSchema,
    parentCode: z.string().nullable(),
    rows: z.array(MetricRowSchema).openapi({ description: '按名次排列；名次在所列地区之间比较' }),
  })
  .openapi('Metrics');

const route = createRoute({
  method: 'get',
  path: '/metrics',
  tags: ['metrics'],
  summary: '地区指标与排名（年度累计）',
  request: { query: QuerySchema },
  responses: {
    200: { content: { 'application/json': { schema: MetricsSchema } }, description: '每个地区一行' },
    ...errorResponses,
  },
});

const PARENT_LEVEL: Record<RegionLevel, RegionLevel | null> = { province: null, city: 'province', county: 'city' };

/** A parent must exist and sit one level above the rows asked for; answers it, for callers that need its name. */
export async function checkParent(db: Db, level: RegionLevel, parent: string | undefined): Promise<Region | undefined> {
  if (parent === undefined) return undefined;
  const region = await getRegion(db, parent);
  if (!region) throw httpError(400, `参数 parent：未知地区代码 ${parent}`);
  if (region.level !== PARENT_LEVEL[level]) {
    throw httpError(400, `参数 parent：${region.name}（${parent}）不是 ${level} 级地区的上级`);
  }
  return region;
}

/** The period asked for, or the latest; a month without data is a 404 that lists what there is. */
export async function resolvePeriod(db: Db, requested: string | undefined) {
  const { periods, latest } = await getPeriods(db);
  const period = requested ?? latest;
  if (period === null) throw httpError(404, '暂无任何月份的数据', 'NO_DATA');
  if (!periods.includes(period)) {
    throw httpError(404, `${period} 无数据；有数据的月份为 ${periods[0]} 至 ${latest}`, 'NO_DATA');
  }
  return parsePeriod(period);
}

export const metricRoutes = createRouter().openapi(route, async (c) => {
  const db = c.get('db');
  const { period: requested, level, parent } = c.req.valid('query');
  const body = await c.get('cache').getOrCompute(db, `metrics|${requested ?? ''}|${level}|${parent ?? ''}`, async () => {
    await checkParent(db, level, parent);
    const period = await resolvePeriod(db, requested);
    const rows = await getMetricRows(db, { period, level, parentCode: parent });
    return { period: formatPeriod(period), level, parentCode: parent ?? null, rows };
  });
  return c.json(body, 200);
});
