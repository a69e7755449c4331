import { FreshnessSchema, parsePeriod, PeriodSchema } from '@dispatch/core';
import { z } from '@hono/zod-openapi';
import { authorize } from '../access.ts';
import { monthFreshness } from '../freshness.ts';
import { createRouter } from '../router.ts';
import { jsonRoute } from '../schemas.ts';

const FreshnessQuerySchema = z.object({ period: PeriodSchema });

const route = jsonRoute('get', '/', '数据到达情况：某月每个市州、县市区的数据最近一次到达的时间（未到达为 null，不是零进度），及该月是否已关账', {
  tag: 'imports', request: { query: FreshnessQuerySchema }, answer: FreshnessSchema, description: '各地区该月数据的到达情况', errors: [400, 401],
});

// Which regions have reported is as public inside the system as the rankings it qualifies.
export const freshnessRoutes = createRouter().openapi(route, async (c) => {
  await authorize(c, 'read:headline');
  return c.json(await monthFreshness(c, parsePeriod(c.req.valid('query').period)), 200);
});
