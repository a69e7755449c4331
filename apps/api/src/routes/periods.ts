import { createRoute } from '@hono/zod-openapi';
import { PeriodListSchema } from '@dispatch/core';
import { getPeriods, isDemoData } from '@dispatch/db';
import { authorize } from '../access.ts';
import { createRouter } from '../router.ts';
import { jsonOf } from '../schemas.ts';

const route = createRoute({
  method: 'get',
  path: '/',
  tags: ['metrics'],
  summary: '有数据的月份',
  responses: { 200: jsonOf(PeriodListSchema, '月份列表') },
});

export const periodRoutes = createRouter().openapi(route, async (c) => {
  await authorize(c, 'read:headline');
  const db = c.get('db');
  const [list, demo] = await Promise.all([getPeriods(db), isDemoData(db)]);
  return c.json({ ...list, demo }, 200);
});
