import { createRoute, z } from '@hono/zod-openapi';
import { formatPeriod } from '@dispatch/core';
import { getMetricRows } from '@dispatch/db';
import { authorize } from '../access.ts';
import { cachedJson } from '../cached-json.ts';
import { createRouter } from '../router.ts';
import { errorResponses, LevelSchema, MetricRowSchema, PeriodSchema, RegionCodeSchema } from '../schemas.ts';
import { checkParent, resolvePeriod } from './params.ts';

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

export const metricRoutes = createRouter().openapi(route, async (c) => {
  const db = c.get('db');
  const { period: requested, level, parent } = c.req.valid('query');
  // The rows of every ranking — cities and counties — are public inside the system, as the bulletin's tables are.
  await authorize(c, 'read:headline');
  return cachedJson(c, `metrics|${requested ?? ''}|${level}|${parent ?? ''}`, async () => {
    await checkParent(db, level, parent);
    const period = await resolvePeriod(db, requested);
    const rows = await getMetricRows(db, { period, level, parentCode: parent });
    return { period: formatPeriod(period), level, parentCode: parent ?? null, rows };
  });
});
