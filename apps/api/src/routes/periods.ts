import { createRoute, z } from '@hono/zod-openapi';
import { getPeriods, isDemoData } from '@dispatch/db';
import { authorize } from '../access.ts';
import { createRouter } from '../router.ts';

const PeriodsSchema = z
  .object({
    periods: z.array(z.string()).openapi({ description: '有数据的月份，YYYY-MM，从早到晚' }),
    latest: z.string().nullable(),
    demo: z.boolean().openapi({ description: '数据是否为演示数据' }),
  })
  .openapi('Periods');

const route = createRoute({
  method: 'get',
  path: '/periods',
  tags: ['metrics'],
  summary: '有数据的月份',
  responses: { 200: { content: { 'application/json': { schema: PeriodsSchema } }, description: '月份列表' } },
});

export const periodRoutes = createRouter().openapi(route, async (c) => {
  await authorize(c, 'read:headline');
  const db = c.get('db');
  const [list, demo] = await Promise.all([getPeriods(db), isDemoData(db)]);
  return c.json({ ...list, demo }, 200);
});
