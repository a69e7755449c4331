import { createRoute, z } from '@hono/zod-openapi';
import { formatPeriod } from '@dispatch/core';
import { getRegionClasses } from '@dispatch/db';
import { authorize } from '../access.ts';
import { createRouter } from '../router.ts';
import { errorResponses, PeriodSchema, RegionCodeSchema } from '../schemas.ts';
import { knownRegion, resolvePeriod } from './params.ts';

const ClassRowSchema = z.object({
  classNo: z.string(),
  regionCode: z.string(),
  regionName: z.string(),
  institution: z.string(),
  occupation: z.string(),
  trainingType: z.string(),
  openedOn: z.string(),
  finishedOn: z.string().nullable(),
  enrolled: z.number().int(),
  completed: z.number().int(),
  subsidised: z.number().int(),
  subsidyStandard: z.number().int(),
  fundsAudited: z.number().int(),
});

const ClassListSchema = z
  .object({
    period: z.string(),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
    totals: z.object({ completed: z.number().int(), subsidised: z.number().int(), fundsAudited: z.number().int() }),
    rows: z.array(ClassRowSchema),
  })
  .openapi('ClassList');

const route = createRoute({
  method: 'get',
  path: '/regions/{code}/classes',
  tags: ['regions'],
  summary: '某地区在期间内的培训班（可追溯到仪表盘上的每个数字）',
  request: {
    params: z.object({ code: RegionCodeSchema.openapi({ param: { name: 'code', in: 'path' }, example: '430182' }) }),
    query: z.object({
      period: PeriodSchema.optional(),
      basis: z
        .enum(['finished', 'opened', 'audited'], { error: '口径应为 finished（结课）、opened（开班）或 audited（资金审核）' })
        .default('finished'),
      scope: z.enum(['ytd', 'month'], { error: '范围应为 ytd（年度累计）或 month（当月）' }).default('ytd'),
      q: z.string().trim().max(50, '搜索词不超过 50 个字').optional(),
      page: z.coerce.number({ error: '页码应为正整数' }).int('页码应为正整数').min(1, '页码应为正整数').default(1),
      pageSize: z.coerce.number({ error: '每页条数应为 1–100' }).int().min(1, '每页条数应为 1–100').max(100, '每页条数应为 1–100').default(20),
    }),
  },
  responses: {
    200: { content: { 'application/json': { schema: ClassListSchema } }, description: '一页培训班及全部合计' },
    ...errorResponses,
  },
});

export const classRoutes = createRouter().openapi(route, async (c) => {
  const db = c.get('db');
  const { code } = c.req.valid('param');
  const { period: requested, basis, scope, q, page, pageSize } = c.req.valid('query');
  const region = await knownRegion(db, code, 'code');
  await authorize(c, 'read:detail', code);
  const period = await resolvePeriod(db, requested);
  const list = await getRegionClasses(db, { region, period, basis, scope, search: q || undefined, page, pageSize });
  return c.json({ period: formatPeriod(period), page, pageSize, ...list }, 200);
});
